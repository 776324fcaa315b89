package dev.bazaar.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.orders.OrderLine;
import dev.bazaar.contracts.orders.OrderStatus;
import dev.bazaar.notification.delivery.Audience;
import dev.bazaar.notification.delivery.Channel;
import dev.bazaar.notification.notice.Notice;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Every template of every event type and channel renders, from the classpath as the service loads them. */
class TemplatesTests {

    final Templates templates = new Templates(subjects());
    final List<OrderLine> lines = List.of(
            new OrderLine("item-tv", "supplier-a", "WH-BOM", 2, Money.inr(12_345_050), "Sony Bravia 55\" TV"),
            new OrderLine("item-cable", "supplier-b", "WH-BOM", 1, Money.inr(49_900)));

    @Test
    void moneyIsInRupeesWithIndianGroupingAndAsciiForSms() {
        Rupees rupees = new Rupees();
        assertThat(rupees.format(Money.inr(12_345_050))).isEqualTo("₹1,23,450.50");
        assertThat(rupees.format(Money.inr(5))).isEqualTo("₹0.05");
        assertThat(rupees.format(Money.inr(123_456_789_00L))).isEqualTo("₹12,34,56,789.00");
        assertThat(rupees.format(Money.inr(99_900))).isEqualTo("₹999.00");
        assertThat(rupees.format(Money.inr(100_000))).isEqualTo("₹1,000.00");
        assertThat(rupees.ascii(Money.inr(100_000))).isEqualTo("Rs. 1,000.00");
        assertThat(rupees.format(new Money(1_999, "USD"))).isEqualTo("USD 19.99");
        assertThat(rupees.times(Money.inr(12_345_050), 2)).isEqualTo(Money.inr(24_690_100));
    }

    @Test
    void aPlacedOrderShowsTheOrderItsItemsAndTotalOnEveryChannel() {
        Notice placed = notice(Notice.Kind.ORDER_PLACED, OrderStatus.PAYMENT_PENDING, null, 24_740_000);
        Rendered mail = templates.render(placed, Audience.CUSTOMER, Channel.EMAIL, "Asha", null);
        assertThat(mail.subject()).isEqualTo("Your Bazaar order o-1 is placed");
        assertThat(mail.text())
                .contains(
                        "Hello Asha,",
                        "o-1",
                        // An item by its title when the event carries one, else by its id.
                        "- Sony Bravia 55\" TV x 2 at ₹1,23,450.50 = ₹2,46,901.00",
                        "- item-cable x 1",
                        "Total: ₹2,47,400.00");
        assertThat(mail.html())
                .contains("<strong>o-1</strong>", "Sony Bravia 55&quot; TV", "₹2,46,901.00", "₹2,47,400.00")
                .doesNotContain("item-tv");
        Rendered sms = templates.render(placed, Audience.CUSTOMER, Channel.SMS, "Asha", null);
        assertThat(sms.text())
                .isEqualTo("Bazaar: your order o-1 is placed, total Rs. 2,47,400.00. We will tell you when it ships.");
        assertThat(templates
                        .render(placed, Audience.CUSTOMER, Channel.IN_APP, null, null)
                        .text())
                .startsWith("Hello,")
                .contains("Total: ₹2,47,400.00");
    }

    @Test
    void aSellerSeesOnlyTheirOwnLinesAndWhatTheyComeTo() {
        Notice placed = notice(Notice.Kind.ORDER_PLACED, OrderStatus.PAYMENT_PENDING, null, 24_740_000);
        Rendered mail = templates.render(placed, Audience.SELLER, Channel.EMAIL, null, "supplier-b");
        assertThat(mail.subject()).isEqualTo("New order o-1 for supplier-b");
        assertThat(mail.text()).contains("item-cable", "Total: ₹499.00").doesNotContain("Sony");
        assertThat(mail.html()).contains("item-cable").doesNotContain("Sony");
        assertThat(templates
                        .render(placed, Audience.SELLER, Channel.SMS, null, "supplier-b")
                        .text())
                .contains("o-1", "supplier-b", "Rs. 499.00");
    }

    @Test
    void aCancellationSaysWhoCancelled() {
        assertThat(cancelled("cancelled-by-seller: out of stock").subject())
                .isEqualTo("The seller cancelled your Bazaar order o-1");
        assertThat(cancelled("cancelled-by-seller: out of stock").text())
                .contains("the seller cancelled your order o-1");
        assertThat(cancelled("cancelled-by-ops").subject()).isEqualTo("Bazaar cancelled your order o-1");
        assertThat(cancelled("cancelled-by-ops").text()).contains("Bazaar cancelled your order o-1");
        assertThat(cancelled("cancelled-by-customer").text()).contains("is cancelled, as you asked");
        assertThat(cancelled("PAYMENT_DECLINED").subject())
                .isEqualTo("Your Bazaar order o-1 is cancelled: the payment did not go through");
        Notice bySeller = notice(Notice.Kind.ORDER_CANCELLED, OrderStatus.PACKED, "cancelled-by-seller", 24_740_000);
        assertThat(templates
                        .render(bySeller, Audience.CUSTOMER, Channel.SMS, null, null)
                        .text())
                .isEqualTo("Bazaar: sorry, the seller cancelled your order o-1. Any payment is refunded in full.");
        assertThat(templates
                        .render(bySeller, Audience.SELLER, Channel.EMAIL, null, "supplier-a")
                        .text())
                .contains("Order o-1 with items of supplier-a is cancelled (cancelled-by-seller)");
    }

    @Test
    void theOtherEventsRenderOnEveryChannel() {
        for (Notice.Kind kind :
                List.of(Notice.Kind.ORDER_SHIPPED, Notice.Kind.ORDER_DELIVERED, Notice.Kind.PAYMENT_REFUNDED)) {
            Notice notice = notice(kind, OrderStatus.PLACED, null, 24_740_000);
            for (Channel channel : Channel.values()) {
                assertThat(templates
                                .render(notice, Audience.CUSTOMER, channel, "Asha", null)
                                .text())
                        .as(kind + " " + channel)
                        .contains("o-1");
            }
        }
        Notice refund = notice(Notice.Kind.PAYMENT_REFUNDED, null, null, 60_000);
        assertThat(templates
                        .render(refund, Audience.CUSTOMER, Channel.EMAIL, null, null)
                        .html())
                .contains("₹600.00");
    }

    private Rendered cancelled(String reason) {
        return templates.render(
                notice(Notice.Kind.ORDER_CANCELLED, OrderStatus.PLACED, reason, 24_740_000),
                Audience.CUSTOMER,
                Channel.EMAIL,
                null,
                null);
    }

    private Notice notice(Notice.Kind kind, OrderStatus from, String reason, long total) {
        return new Notice(
                UUID.randomUUID(), kind, "o-1", "user-1", from, reason, lines, Money.inr(total), Instant.now());
    }

    private static ResourceBundleMessageSource subjects() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("templates/subjects");
        messages.setDefaultEncoding("UTF-8");
        return messages;
    }
}
