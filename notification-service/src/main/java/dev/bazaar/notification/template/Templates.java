package dev.bazaar.notification.template;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.orders.OrderLine;
import dev.bazaar.notification.delivery.Audience;
import dev.bazaar.notification.delivery.Channel;
import dev.bazaar.notification.notice.Notice;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Thymeleaf templates per event type and channel, under {@code resources/templates}: {@code email/<name>.html}
 * (the HTML part) and {@code text/<name>.txt} (the mail's plain-text part and the in-app message) and
 * {@code sms/<name>.txt}. The name is the notice's kind for its audience ({@code order-placed},
 * {@code seller-new-order}, …); subjects are messages in {@code templates/subjects.properties}, a cancellation's
 * chosen by who cancelled. Every template sees the order id, its lines, the total (or the refund's amount),
 * the recipient's name and {@code rupees} to format money.
 */
@Component
public class Templates {

    private static final Locale ENGLISH = Locale.ENGLISH;

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final MessageSource messages;
    private final Rupees rupees = new Rupees();

    Templates(MessageSource messages) {
        this.messages = messages;
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
        engine.setTemplateEngineMessageSource(messages);
    }

    /**
     * @param recipientName the recipient's name (null when unknown: the templates greet without it)
     * @param supplierId the supplier a SELLER delivery is for (null for the customer)
     */
    public Rendered render(Notice notice, Audience audience, Channel channel, String recipientName, String supplierId) {
        String name = nameOf(notice.kind(), audience);
        Notice.Canceller canceller =
                notice.kind() == Notice.Kind.ORDER_CANCELLED ? Notice.Canceller.of(notice.reason()) : null;
        // A seller sees their own lines of the order and what those come to, not the rest of the basket.
        List<OrderLine> lines = audience == Audience.SELLER
                ? notice.lines().stream()
                        .filter(line -> supplierId.equals(line.supplierId()))
                        .toList()
                : notice.lines();
        Money amount = audience == Audience.SELLER ? sum(lines, notice.amount()) : notice.amount();
        Context context = new Context(ENGLISH);
        context.setVariable("notice", notice);
        context.setVariable("orderId", notice.orderId());
        context.setVariable("lines", lines);
        context.setVariable("amount", amount);
        context.setVariable("name", recipientName);
        context.setVariable("supplierId", supplierId);
        context.setVariable("canceller", canceller == null ? null : canceller.name());
        context.setVariable("rupees", rupees);
        String subject = messages.getMessage(
                "subject." + name + (canceller == null || audience == Audience.SELLER ? "" : "." + canceller.name()),
                new Object[] {notice.orderId(), supplierId},
                ENGLISH);
        return switch (channel) {
            case EMAIL ->
                new Rendered(
                        subject,
                        engine.process("text/" + name + ".txt", context),
                        engine.process("email/" + name + ".html", context));
            case SMS ->
                new Rendered(
                        subject, engine.process("sms/" + name + ".txt", context).strip(), null);
            case IN_APP -> new Rendered(subject, engine.process("text/" + name + ".txt", context), null);
        };
    }

    private Money sum(List<OrderLine> lines, Money orderTotal) {
        long minor = 0;
        for (OrderLine line : lines) {
            minor = Math.addExact(
                    minor, rupees.times(line.unitPrice(), line.quantity()).minor());
        }
        return new Money(
                minor,
                lines.isEmpty()
                        ? orderTotal.currency()
                        : lines.get(0).unitPrice().currency());
    }

    /** The template of a notice for an audience; a seller is only ever told of new and cancelled orders. */
    static String nameOf(Notice.Kind kind, Audience audience) {
        if (audience == Audience.SELLER) {
            return switch (kind) {
                case ORDER_PLACED -> "seller-new-order";
                case ORDER_CANCELLED -> "seller-order-cancelled";
                default -> throw new IllegalArgumentException("No seller template for " + kind);
            };
        }
        return switch (kind) {
            case ORDER_PLACED -> "order-placed";
            case ORDER_SHIPPED -> "order-shipped";
            case ORDER_DELIVERED -> "order-delivered";
            case ORDER_CANCELLED -> "order-cancelled";
            case PAYMENT_REFUNDED -> "payment-refunded";
        };
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }
}
