package dev.bazaar.notification.dispatch;

import dev.bazaar.notification.NotificationProperties;
import dev.bazaar.notification.channel.ChannelAdapter;
import dev.bazaar.notification.channel.Outgoing;
import dev.bazaar.notification.channel.SendFailure;
import dev.bazaar.notification.contact.Contact;
import dev.bazaar.notification.contact.UserDirectory;
import dev.bazaar.notification.contact.UsersUnavailable;
import dev.bazaar.notification.delivery.Audience;
import dev.bazaar.notification.delivery.Channel;
import dev.bazaar.notification.delivery.Deliveries;
import dev.bazaar.notification.delivery.Delivery;
import dev.bazaar.notification.notice.Notice;
import dev.bazaar.notification.notice.Notices;
import dev.bazaar.notification.preference.Preferences;
import dev.bazaar.notification.template.Rendered;
import dev.bazaar.notification.template.Templates;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Sends the due PENDING deliveries, every {@code bazaar.notifications.delivery.poll-interval}. Each is first
 * claimed (a compare-and-set that counts the attempt and leases the row), then its recipients are read from
 * user-service, filtered by their preferences and by whether the channel reaches them, the notice rendered
 * and handed to the channel's adapter, and the outcome recorded by another compare-and-set on that attempt.
 *
 * <p>The guarantee is at-least-once per delivery row: a crash after the send and before the record leaves the
 * row due again when its lease runs out, and it is sent again. The repeat is made harmless where the medium
 * allows: the SMS provider gets the same client reference and sends nothing twice, an in-app message is stored
 * once per delivery and user, and a mail carries the same Message-ID (SMTP itself cannot refuse a duplicate).
 * A failed attempt is retried after an exponential backoff; after the last attempt, or on a permanent failure,
 * the delivery is DEAD, a dead letter OPS can list and replay.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class Dispatcher implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final int MAX_BATCHES = 20;

    private final Deliveries deliveries;
    private final Notices notices;
    private final UserDirectory users;
    private final Preferences preferences;
    private final Templates templates;
    private final DeliveryMetrics metrics;
    private final NotificationProperties.Delivery settings;
    private final Map<Channel, ChannelAdapter> adapters = new EnumMap<>(Channel.class);

    Dispatcher(
            Deliveries deliveries,
            Notices notices,
            UserDirectory users,
            Preferences preferences,
            Templates templates,
            DeliveryMetrics metrics,
            NotificationProperties properties,
            List<ChannelAdapter> adapters) {
        this.deliveries = deliveries;
        this.notices = notices;
        this.users = users;
        this.preferences = preferences;
        this.templates = templates;
        this.metrics = metrics;
        this.settings = properties.delivery();
        adapters.forEach(adapter -> this.adapters.put(adapter.channel(), adapter));
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        Duration interval = settings.pollInterval();
        registrar.addFixedDelayTask(new FixedDelayTask(this::dispatchDue, interval, interval));
    }

    /** In batches until one comes back short (at most {@value #MAX_BATCHES} per run). */
    void dispatchDue() {
        try {
            notices.planWaitingRefunds(settings.batch());
            List<Delivery> due;
            int batches = 0;
            do {
                due = deliveries.due(settings.batch());
                due.forEach(this::dispatch);
            } while (due.size() == settings.batch() && ++batches < MAX_BATCHES);
        } catch (RuntimeException e) {
            // The database is away: the next run tries again; nothing was claimed that a lease will not free.
            log.warn("Dispatch run stopped: {}", e.toString());
        }
    }

    private void dispatch(Delivery delivery) {
        if (!deliveries.claim(delivery, settings.lease())) {
            return;
        }
        int attempt = delivery.attempts() + 1;
        try {
            Notice notice = notices.find(delivery.eventId())
                    .orElseThrow(() -> new IllegalStateException("no notice " + delivery.eventId()));
            ChannelAdapter adapter = adapters.get(delivery.channel());
            List<Contact> everyone = recipients(delivery, notice);
            if (everyone.isEmpty()) {
                dead(
                        delivery,
                        attempt,
                        delivery.audience() == Audience.SELLER
                                ? "no seller account is linked to supplier " + delivery.recipient()
                                : "user-service knows no user " + delivery.recipient());
                return;
            }
            List<Contact> wanting = everyone.stream()
                    .filter(contact -> preferences.of(contact.userId()).allows(delivery.channel()))
                    .toList();
            List<Contact> reached = wanting.stream().filter(adapter::reaches).toList();
            if (reached.isEmpty()) {
                String why = wanting.isEmpty() ? "opted-out" : "no-address";
                deliveries.skipped(delivery.id(), attempt, why);
                metrics.count(delivery.channel(), DeliveryMetrics.Outcome.SKIPPED);
                log.info(
                        "Delivery {} ({} {} {}) skipped: {}",
                        delivery.id(),
                        notice.kind(),
                        delivery.channel(),
                        delivery.recipient(),
                        why);
                return;
            }
            boolean seller = delivery.audience() == Audience.SELLER;
            Rendered message = templates.render(
                    notice,
                    delivery.audience(),
                    delivery.channel(),
                    seller ? null : reached.get(0).name(),
                    seller ? delivery.recipient() : null);
            String reference = adapter.send(new Outgoing(delivery.id(), notice.orderId(), reached, message));
            if (deliveries.sent(delivery.id(), attempt, reference)) {
                metrics.count(delivery.channel(), DeliveryMetrics.Outcome.SENT);
                log.info(
                        "Delivery {} ({} {} to {} {}) sent: {}",
                        delivery.id(),
                        notice.kind(),
                        delivery.channel(),
                        delivery.audience(),
                        delivery.recipient(),
                        reference);
            }
        } catch (SendFailure e) {
            failed(delivery, attempt, e.getMessage(), e.permanent());
        } catch (UsersUnavailable e) {
            failed(delivery, attempt, e.getMessage(), false);
        } catch (RuntimeException e) {
            log.warn("Delivery {} attempt {} failed unexpectedly", delivery.id(), attempt, e);
            failed(delivery, attempt, e.toString(), false);
        }
    }

    /**
     * A customer delivery's one recipient (IN_APP needs no address, so user-service is not asked: an inbox
     * message never waits for it); a seller delivery's seller accounts of the supplier.
     */
    private List<Contact> recipients(Delivery delivery, Notice notice) {
        if (delivery.audience() == Audience.SELLER) {
            return users.sellersOf(delivery.recipient());
        }
        if (delivery.channel() == Channel.IN_APP) {
            return List.of(new Contact(delivery.recipient(), null, null, null));
        }
        return users.contact(delivery.recipient()).map(List::of).orElse(List.of());
    }

    private void failed(Delivery delivery, int attempt, String error, boolean permanent) {
        if (permanent || attempt >= settings.maxAttempts()) {
            dead(delivery, attempt, error);
            return;
        }
        Duration backoff = settings.backoffAfter(attempt);
        if (deliveries.retryAfter(delivery.id(), attempt, error, backoff)) {
            metrics.count(delivery.channel(), DeliveryMetrics.Outcome.FAILED);
            log.info(
                    "Delivery {} ({} to {}) attempt {} failed, next in {}: {}",
                    delivery.id(),
                    delivery.channel(),
                    delivery.recipient(),
                    attempt,
                    backoff,
                    error);
        }
    }

    private void dead(Delivery delivery, int attempt, String error) {
        if (deliveries.dead(delivery.id(), attempt, error)) {
            metrics.count(delivery.channel(), DeliveryMetrics.Outcome.DEAD);
            log.warn(
                    "Delivery {} ({} to {} {}) is a dead letter after attempt {}: {}",
                    delivery.id(),
                    delivery.channel(),
                    delivery.audience(),
                    delivery.recipient(),
                    attempt,
                    error);
        }
    }
}
