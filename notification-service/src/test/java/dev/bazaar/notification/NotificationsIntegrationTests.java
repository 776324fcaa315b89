package dev.bazaar.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.orders.OrderLine;
import dev.bazaar.contracts.orders.OrderStatus;
import dev.bazaar.contracts.orders.OrderStatusChanged;
import dev.bazaar.contracts.payments.PaymentRefunded;
import dev.bazaar.notification.delivery.Audience;
import dev.bazaar.notification.delivery.Channel;
import dev.bazaar.notification.delivery.Deliveries;
import dev.bazaar.notification.delivery.Delivery;
import dev.bazaar.testing.ApiDocument;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.KafkaEvents;
import dev.bazaar.testing.KafkaRecords;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.Mailboxes;
import dev.bazaar.testing.Problems;
import dev.bazaar.testing.TestJwts;
import dev.bazaar.testing.UsesLocalServers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole service on the real servers, in one Spring context: order and payment events published to the
 * class's isolated topics as order- and payment-service publish them, recipients read from a real
 * user-service process, mail sent over SMTP to the local GreenMail (through a relay the tests switch off) and
 * read back over IMAP, SMS through the service's own HTTP adapter to its simulator, in-app messages through
 * the API.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bazaar.notifications.delivery.poll-interval=200ms",
            "bazaar.notifications.delivery.max-attempts=5",
            "bazaar.notifications.delivery.initial-backoff=300ms",
            "bazaar.notifications.delivery.multiplier=2",
            "bazaar.notifications.delivery.max-backoff=2s"
        })
@UsesLocalServers({LocalServer.MARIADB, LocalServer.KAFKA})
class NotificationsIntegrationTests {

    static final int MAX_ATTEMPTS = 5;
    static final Duration WAIT = Duration.ofSeconds(60);

    static UserServiceContacts users;
    static SmtpSwitch smtp;

    @BeforeAll
    static void peers() throws Exception {
        users = UserServiceContacts.start();
        smtp = SmtpSwitch.start();
    }

    @AfterAll
    static void stopPeers() throws Exception {
        if (smtp != null) {
            smtp.close();
        }
        if (users != null) {
            users.close();
        }
    }

    @DynamicPropertySource
    static void peerAddresses(DynamicPropertyRegistry registry) {
        registry.add("bazaar.notifications.users.url", () -> users.baseUrl());
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.port());
    }

    @LocalServerPort
    int port;

    @Autowired
    IsolatedNames names;

    @Autowired
    Deliveries deliveries;

    @Autowired
    JdbcClient jdbc;

    HttpTestClient api;
    HttpTestClient sms;
    KafkaEvents orderService;
    KafkaEvents paymentService;

    @BeforeEach
    void clients() {
        api = HttpTestClient.local(port);
        sms = api;
        orderService = KafkaEvents.open("order-service");
        paymentService = KafkaEvents.open("payment-service");
        smtp.on();
        simulatorFailsNext(0);
    }

    @AfterEach
    void closeProducers() {
        orderService.close();
        paymentService.close();
    }

    /**
     * PLACED: the customer gets a mail with the order id, their items and the total in rupees, an SMS and an
     * in-app message; each seller of the order gets a mail with their own lines only, and an SMS. The same event
     * delivered twice more (a redelivery, a replay of the topic) plans and sends nothing again: the SHIPPED event
     * sent after them on the order's key is the marker that they were consumed.
     */
    @Test
    void aPlacedOrderTellsTheCustomerAndEachSellerOnceWhateverIsRedelivered() {
        UserServiceContacts.Person customer = users.customer("Asha Rao", "9876543210");
        String supplierA = "supplier-a-" + UUID.randomUUID();
        String supplierB = "supplier-b-" + UUID.randomUUID();
        UserServiceContacts.Person sellerA = users.seller(supplierA, "9123456780");
        UserServiceContacts.Person sellerB = users.seller(supplierB, null);
        String orderId = UUID.randomUUID().toString();
        String itemA = "item-a-" + UUID.randomUUID();
        String itemB = "item-b-" + UUID.randomUUID();
        List<OrderLine> lines = List.of(line(itemA, supplierA, 2, 123_450), line(itemB, supplierB, 1, 99_900));
        OrderStatusChanged placed = event(
                orderId, customer.userId(), OrderStatus.PAYMENT_PENDING, OrderStatus.PLACED, null, lines, 346_800);

        orderService.publish(names.topicPrefix(), placed);

        Mailboxes.Mail mail = awaitOneMail(customer.email());
        assertThat(mail.subject()).isEqualTo("Your Bazaar order " + orderId + " is placed");
        assertThat(mail.to()).containsExactly(customer.email());
        assertThat(mail.text())
                .contains(
                        "Hello Asha Rao,", orderId, itemA + " x 2 at ₹1,234.50 = ₹2,469.00", itemB, "Total: ₹3,468.00");
        assertThat(mail.html()).contains(orderId, itemA, "₹2,469.00", "₹3,468.00");
        String emailId = Delivery.idOf(placed.eventId(), Channel.EMAIL, customer.userId());
        assertThat(mail.messageId()).isEqualTo("<" + emailId + "@notifications.bazaar.local>");

        Mailboxes.Mail toSellerA = awaitOneMail(sellerA.email());
        assertThat(toSellerA.subject()).isEqualTo("New order " + orderId + " for " + supplierA);
        assertThat(toSellerA.text()).contains(itemA, "Total: ₹2,469.00").doesNotContain(itemB);
        Mailboxes.Mail toSellerB = awaitOneMail(sellerB.email());
        assertThat(toSellerB.text()).contains(itemB, "Total: ₹999.00").doesNotContain(itemA);

        Awaitility.await()
                .atMost(WAIT)
                .until(() -> smsTo("+919876543210").size() == 1
                        && smsTo("+919123456780").size() == 1);
        assertThat(smsTo("+919876543210").get(0).path("text").asString()).contains(orderId, "Rs. 3,468.00");
        JsonNode inbox = inbox(customer.userId(), null, 20);
        assertThat(inbox.path("unread").asLong()).isEqualTo(1);
        assertThat(inbox.path("messages").get(0).path("subject").asString())
                .isEqualTo("Your Bazaar order " + orderId + " is placed");
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> deliveries.ofEvent(placed.eventId()).stream()
                        .noneMatch(delivery -> delivery.status() == Delivery.Status.PENDING));
        // Seller B has no phone: their SMS is skipped, everything else sent.
        assertThat(deliveries.ofEvent(placed.eventId()))
                .extracting(d -> d.audience() + " " + d.channel() + " " + d.status())
                .containsExactlyInAnyOrder(
                        "CUSTOMER EMAIL SENT",
                        "CUSTOMER SMS SENT",
                        "CUSTOMER IN_APP SENT",
                        "SELLER EMAIL SENT",
                        "SELLER SMS SENT",
                        "SELLER IN_APP SENT",
                        "SELLER EMAIL SENT",
                        "SELLER SMS SKIPPED",
                        "SELLER IN_APP SENT");

        orderService.publish(names.topicPrefix(), placed);
        orderService.publish(names.topicPrefix(), placed);
        // An old event (a topic read from its start by a first deployment) tells no one: past the max age (1 d).
        OrderStatusChanged cancelledLongAgo = new OrderStatusChanged(
                UUID.randomUUID(),
                Instant.now().minus(Duration.ofDays(2)),
                orderId,
                customer.userId(),
                OrderStatus.PLACED,
                OrderStatus.CANCELLED,
                "cancelled-by-ops",
                lines,
                Money.inr(346_800));
        orderService.publish(names.topicPrefix(), cancelledLongAgo);
        OrderStatusChanged shipped =
                event(orderId, customer.userId(), OrderStatus.PACKED, OrderStatus.SHIPPED, null, lines, 346_800);
        orderService.publish(names.topicPrefix(), shipped);

        Awaitility.await()
                .atMost(WAIT)
                .until(() -> Mailboxes.of(customer.email()).size() == 2);
        assertThat(Mailboxes.of(customer.email()))
                .extracting(Mailboxes.Mail::subject)
                .containsExactlyInAnyOrder(
                        "Your Bazaar order " + orderId + " is placed", "Your Bazaar order " + orderId + " has shipped");
        Awaitility.await().atMost(WAIT).until(() -> smsTo("+919876543210").size() == 2);
        assertThat(Mailboxes.of(sellerA.email())).hasSize(1);
        assertThat(smsTo("+919123456780")).hasSize(1);
        assertThat(deliveries.ofEvent(placed.eventId())).hasSize(9);
        assertThat(deliveries.ofEvent(cancelledLongAgo.eventId())).isEmpty();
        assertThat(inbox(customer.userId(), null, 20).path("messages")).hasSize(2);
    }

    /**
     * SMTP down: the mail's attempts fail and are retried with backoff (SMS and in-app go out meanwhile); once
     * the server is back the mail arrives, once.
     */
    @Test
    void withSmtpDownMailIsRetriedAndArrivesOnceItIsBack() {
        UserServiceContacts.Person customer = users.customer("Ravi Kumar", "9988776655");
        String orderId = UUID.randomUUID().toString();
        smtp.off();
        OrderStatusChanged delivered = event(
                orderId,
                customer.userId(),
                OrderStatus.SHIPPED,
                OrderStatus.DELIVERED,
                null,
                List.of(line("item-" + UUID.randomUUID(), "supplier-x", 1, 50_000)),
                50_000);

        orderService.publish(names.topicPrefix(), delivered);

        String emailId = Delivery.idOf(delivered.eventId(), Channel.EMAIL, customer.userId());
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> deliveries
                        .find(emailId)
                        .filter(d -> d.attempts() >= 2 && d.status() == Delivery.Status.PENDING)
                        .isPresent());
        assertThat(deliveries.find(emailId).orElseThrow().lastError()).startsWith("SMTP");
        Awaitility.await().atMost(WAIT).until(() -> smsTo("+919988776655").size() == 1);
        assertThat(Mailboxes.of(customer.email())).isEmpty();

        smtp.on();

        Mailboxes.Mail mail = awaitOneMail(customer.email());
        assertThat(mail.subject()).isEqualTo("Your Bazaar order " + orderId + " was delivered");
        assertThat(mail.text()).contains(orderId, "Total: ₹500.00");
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> deliveries
                        .find(emailId)
                        .map(d -> d.status() == Delivery.Status.SENT)
                        .orElse(false));
        assertThat(Mailboxes.of(customer.email())).hasSize(1);
    }

    /** Preferences: all on by default; an SMS opt-out skips the SMS and keeps the mail and the in-app message. */
    @Test
    void anSmsOptOutStopsSmsAndKeepsEmail() {
        UserServiceContacts.Person customer = users.customer("Meena Iyer", "9000000001");
        HttpTestClient me = signedIn(customer.userId());
        HttpTestClient.Response defaults = me.get("/api/notifications/preferences");
        assertThat(defaults.status()).as(defaults.body()).isEqualTo(200);
        assertThat(defaults.jsonMap()).isEqualTo(Map.of("email", true, "sms", true, "inApp", true));
        HttpTestClient.Response saved =
                me.put("/api/notifications/preferences", Map.of("email", true, "sms", false, "inApp", true));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(me.get("/api/notifications/preferences").jsonMap())
                .isEqualTo(Map.of("email", true, "sms", false, "inApp", true));
        String orderId = UUID.randomUUID().toString();
        OrderStatusChanged placed = event(
                orderId,
                customer.userId(),
                OrderStatus.PAYMENT_PENDING,
                OrderStatus.PLACED,
                null,
                List.of(line("item-" + UUID.randomUUID(), "supplier-y", 1, 10_000)),
                10_000);

        orderService.publish(names.topicPrefix(), placed);

        awaitOneMail(customer.email());
        String smsId = Delivery.idOf(placed.eventId(), Channel.SMS, customer.userId());
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> deliveries
                        .find(smsId)
                        .map(d -> d.status() != Delivery.Status.PENDING)
                        .orElse(false));
        assertThat(deliveries.find(smsId).orElseThrow())
                .extracting(Delivery::status, Delivery::lastError)
                .containsExactly(Delivery.Status.SKIPPED, "opted-out");
        assertThat(smsTo("+919000000001")).isEmpty();
        assertThat(inbox(customer.userId(), null, 20).path("messages")).hasSize(1);
    }

    /**
     * A cancellation reads as who cancelled: the seller's is a distinct message to the customer, and the seller
     * is told; OPS's is another; a refund tells the customer the amount, also when it is consumed before any
     * event of its order (it waits for the order's shopper).
     */
    @Test
    void cancellationsSayWhoCancelledAndRefundsTellTheAmount() {
        UserServiceContacts.Person customer = users.customer("Kabir Shah", null);
        String supplier = "supplier-c-" + UUID.randomUUID();
        UserServiceContacts.Person seller = users.seller(supplier, null);
        String bySeller = UUID.randomUUID().toString();
        String byOps = UUID.randomUUID().toString();
        List<OrderLine> lines = List.of(line("item-" + UUID.randomUUID(), supplier, 3, 20_000));

        paymentService.publish(
                names.topicPrefix(),
                new PaymentRefunded(UUID.randomUUID(), Instant.now(), "pay-1", bySeller, Money.inr(60_000)));
        orderService.publish(
                names.topicPrefix(),
                event(
                        bySeller,
                        customer.userId(),
                        OrderStatus.PACKED,
                        OrderStatus.CANCELLED,
                        "cancelled-by-seller: out of stock",
                        lines,
                        60_000));
        orderService.publish(
                names.topicPrefix(),
                event(
                        byOps,
                        customer.userId(),
                        OrderStatus.PLACED,
                        OrderStatus.CANCELLED,
                        "cancelled-by-ops",
                        lines,
                        60_000));

        Awaitility.await()
                .atMost(WAIT)
                .until(() -> Mailboxes.of(customer.email()).size() == 3);
        assertThat(Mailboxes.of(customer.email()))
                .extracting(Mailboxes.Mail::subject)
                .containsExactlyInAnyOrder(
                        "The seller cancelled your Bazaar order " + bySeller,
                        "Bazaar cancelled your order " + byOps,
                        "Your refund for Bazaar order " + bySeller);
        Mailboxes.Mail sellerCancel = Mailboxes.of(customer.email()).stream()
                .filter(m -> m.subject().startsWith("The seller cancelled"))
                .findFirst()
                .orElseThrow();
        assertThat(sellerCancel.text()).contains("the seller cancelled your order " + bySeller, "Total: ₹600.00");
        Mailboxes.Mail refund = Mailboxes.of(customer.email()).stream()
                .filter(m -> m.subject().startsWith("Your refund"))
                .findFirst()
                .orElseThrow();
        assertThat(refund.text()).contains("We refunded ₹600.00 for your order " + bySeller);
        Awaitility.await().atMost(WAIT).until(() -> Mailboxes.of(seller.email()).size() == 2);
        assertThat(Mailboxes.of(seller.email()))
                .extracting(Mailboxes.Mail::subject)
                .containsExactlyInAnyOrder(
                        "Order " + bySeller + " for " + supplier + " is cancelled",
                        "Order " + byOps + " for " + supplier + " is cancelled");
    }

    /**
     * A crash after the send and before it was recorded: the rows are left claimed but unrecorded (PENDING, as
     * a dispatcher that died leaves them once the lease ran out) and are sent again. At-least-once, harmless
     * where the medium allows: the SMS provider answers the same client reference with the message it
     * accepted first and sends nothing, the in-app message is stored once; the mail goes again, with the same
     * Message-ID.
     */
    @Test
    void aSendRepeatedAfterACrashIsHarmlessWhereTheMediumAllows() {
        UserServiceContacts.Person customer = users.customer("Lata Menon", "9700000002");
        String orderId = UUID.randomUUID().toString();
        OrderStatusChanged placed = event(
                orderId,
                customer.userId(),
                OrderStatus.PAYMENT_PENDING,
                OrderStatus.PLACED,
                null,
                List.of(line("item-" + UUID.randomUUID(), "supplier-f", 1, 25_000)),
                25_000);
        orderService.publish(names.topicPrefix(), placed);
        // Its seller deliveries are dead letters (no seller account of supplier-f): the customer's are the subject.
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> customerDeliveries(placed).stream()
                        .allMatch(delivery -> delivery.status() == Delivery.Status.SENT));
        assertThat(customerDeliveries(placed)).hasSize(3);
        String smsId = Delivery.idOf(placed.eventId(), Channel.SMS, customer.userId());
        String firstMessageId = deliveries.find(smsId).orElseThrow().providerRef();

        jdbc.sql("UPDATE delivery SET status = 'PENDING', next_attempt_at = CURRENT_TIMESTAMP(6) WHERE event_id = ?"
                        + " AND audience = 'CUSTOMER'")
                .param(placed.eventId().toString())
                .update();

        Awaitility.await()
                .atMost(WAIT)
                .until(() -> customerDeliveries(placed).stream()
                        .allMatch(delivery -> delivery.status() == Delivery.Status.SENT && delivery.attempts() == 2));
        assertThat(smsTo("+919700000002")).hasSize(1);
        assertThat(deliveries.find(smsId).orElseThrow().providerRef()).isEqualTo(firstMessageId);
        assertThat(inbox(customer.userId(), null, 20).path("messages")).hasSize(1);
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> Mailboxes.of(customer.email()).size() == 2);
        assertThat(Mailboxes.of(customer.email()))
                .extracting(Mailboxes.Mail::messageId)
                .containsOnly("<" + Delivery.idOf(placed.eventId(), Channel.EMAIL, customer.userId())
                        + "@notifications.bazaar.local>");
    }

    /**
     * In-app: newest first a page at a time with an opaque cursor, an unread count, an idempotent read mark;
     * another user's message is 404, a malformed cursor 400, no token 401.
     */
    @Test
    void inAppMessagesPageNewestFirstWithReadAndUnread() {
        String userId = "in-app-" + UUID.randomUUID();
        String orderId = UUID.randomUUID().toString();
        List<OrderLine> lines = List.of(line("item-" + UUID.randomUUID(), "supplier-z", 1, 1_000));
        // Not a user-service user: in-app messages need no contact read (mail and SMS to them are dead letters).
        orderService.publish(
                names.topicPrefix(),
                event(orderId, userId, OrderStatus.PAYMENT_PENDING, OrderStatus.PLACED, null, lines, 1_000));
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> inbox(userId, null, 20).path("messages").size() == 1);
        orderService.publish(
                names.topicPrefix(),
                event(orderId, userId, OrderStatus.PACKED, OrderStatus.SHIPPED, null, lines, 1_000));
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> inbox(userId, null, 20).path("messages").size() == 2);
        orderService.publish(
                names.topicPrefix(),
                event(orderId, userId, OrderStatus.SHIPPED, OrderStatus.DELIVERED, null, lines, 1_000));
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> inbox(userId, null, 20).path("messages").size() == 3);

        JsonNode first = inbox(userId, null, 2);
        assertThat(first.path("unread").asLong()).isEqualTo(3);
        assertThat(first.path("messages"))
                .extracting(m -> m.path("subject").asString())
                .containsExactly(
                        "Your Bazaar order " + orderId + " was delivered",
                        "Your Bazaar order " + orderId + " has shipped");
        JsonNode second = inbox(userId, first.path("nextCursor").asString(), 2);
        assertThat(second.path("messages"))
                .extracting(m -> m.path("subject").asString())
                .containsExactly("Your Bazaar order " + orderId + " is placed");
        assertThat(second.path("nextCursor").isNull()).isTrue();

        long shippedId = first.path("messages").get(1).path("id").asLong();
        HttpTestClient me = signedIn(userId);
        HttpTestClient.Response read = me.post("/api/notifications/" + shippedId + "/read", "");
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().path("read").asBoolean()).isTrue();
        assertThat(me.post("/api/notifications/" + shippedId + "/read", "").status())
                .isEqualTo(200);
        JsonNode after = inbox(userId, null, 20);
        assertThat(after.path("unread").asLong()).isEqualTo(2);
        assertThat(after.path("messages"))
                .extracting(m -> m.path("read").asBoolean())
                .containsExactly(false, true, false);

        HttpTestClient other = signedIn("someone-else-" + UUID.randomUUID());
        Problems.assertProblem(other.post("/api/notifications/" + shippedId + "/read", ""), 404, "not-found");
        assertThat(other.get("/api/notifications").json().path("messages")).isEmpty();
        Problems.assertProblem(me.get("/api/notifications?cursor=not-a-cursor"), 400, "invalid-cursor");
        Problems.assertProblem(api.get("/api/notifications"), 401, null);
    }

    /**
     * Every attempt failing (the SMS provider down) makes the delivery DEAD after the last, with its error; OPS
     * lists it and replays it once the provider is back: sent once, and a second replay sends nothing again. A
     * number the provider refuses for good is DEAD at its first attempt. The metrics count failed, dead and sent
     * SMS.
     */
    @Test
    void aDeliveryFailingEveryAttemptIsADeadLetterOpsCanReplay() {
        UserServiceContacts.Person customer = users.customer("Dev Anand", "9812345678");
        UserServiceContacts.Person unreachable = users.customer("Wrong Number", "5555555555");
        String orderId = UUID.randomUUID().toString();
        List<OrderLine> lines = List.of(line("item-" + UUID.randomUUID(), "supplier-d", 1, 70_000));
        simulatorFailsNext(1_000);
        OrderStatusChanged shipped =
                event(orderId, customer.userId(), OrderStatus.PACKED, OrderStatus.SHIPPED, null, lines, 70_000);
        OrderStatusChanged refused = event(
                UUID.randomUUID().toString(),
                unreachable.userId(),
                OrderStatus.PACKED,
                OrderStatus.SHIPPED,
                null,
                lines,
                70_000);

        orderService.publish(names.topicPrefix(), shipped);

        String smsId = Delivery.idOf(shipped.eventId(), Channel.SMS, customer.userId());
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> deliveries
                        .find(smsId)
                        .map(d -> d.status() == Delivery.Status.DEAD)
                        .orElse(false));
        assertThat(deliveries.find(smsId).orElseThrow())
                .satisfies(dead -> assertThat(dead.attempts()).isEqualTo(MAX_ATTEMPTS))
                .satisfies(dead -> assertThat(dead.lastError()).contains("503"));
        simulatorFailsNext(0);
        orderService.publish(names.topicPrefix(), refused);
        String refusedId = Delivery.idOf(refused.eventId(), Channel.SMS, unreachable.userId());
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> deliveries
                        .find(refusedId)
                        .map(d -> d.status() == Delivery.Status.DEAD)
                        .orElse(false));
        assertThat(deliveries.find(refusedId).orElseThrow())
                .satisfies(dead -> assertThat(dead.attempts()).isEqualTo(1))
                .satisfies(dead -> assertThat(dead.lastError()).contains("422", "+915555555555"));

        HttpTestClient ops = signedIn("ops-" + UUID.randomUUID(), "OPS");
        HttpTestClient.Response dead = ops.get("/api/ops/notifications/dead-letters?limit=500");
        assertThat(dead.status()).as(dead.body()).isEqualTo(200);
        assertThat(dead.json().path("deadLetters"))
                .extracting(d -> d.path("id").asString())
                .contains(smsId, refusedId);
        assertThat(smsTo("+919812345678")).isEmpty();

        assertThat(deliveryCount("sms", "dead")).isGreaterThanOrEqualTo(2);
        assertThat(deliveryCount("sms", "failed")).isGreaterThanOrEqualTo(MAX_ATTEMPTS - 1);
        double sentBefore = deliveryCount("sms", "sent");

        HttpTestClient.Response replayed = ops.post("/api/ops/notifications/dead-letters/" + smsId + "/replay", "");
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> deliveries
                        .find(smsId)
                        .map(d -> d.status() == Delivery.Status.SENT)
                        .orElse(false));
        assertThat(smsTo("+919812345678")).hasSize(1);
        assertThat(deliveryCount("sms", "sent")).isGreaterThanOrEqualTo(sentBefore + 1);
        HttpTestClient.Response again = ops.post("/api/ops/notifications/dead-letters/" + smsId + "/replay", "");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("status").asString()).isEqualTo("SENT");
        assertThat(deliveries.find(smsId).orElseThrow().replays()).isEqualTo(1);
        assertThat(smsTo("+919812345678")).hasSize(1);
        assertThat(ops.get("/api/ops/notifications/dead-letters?limit=500")
                        .json()
                        .path("deadLetters"))
                .extracting(d -> d.path("id").asString())
                .doesNotContain(smsId);
    }

    /**
     * Bad input, each a 4xx problem and nothing stored: a preference left out or not a boolean, a page size out
     * of range, an unknown dead letter, OPS's API for a customer; a malformed event is parked on the DLT and
     * plans nothing.
     */
    @Test
    void badInputIsAClearProblemAndChangesNothing() {
        String userId = "bad-input-" + UUID.randomUUID();
        HttpTestClient me = signedIn(userId);
        Problems.assertProblem(
                me.put("/api/notifications/preferences", Map.of("email", true, "inApp", true)),
                400,
                "validation-error");
        Problems.assertProblem(
                me.put("/api/notifications/preferences", "{\"email\":true,\"sms\":\"maybe\",\"inApp\":true}"),
                400,
                null);
        assertThat(me.get("/api/notifications/preferences").jsonMap())
                .isEqualTo(Map.of("email", true, "sms", true, "inApp", true));
        Problems.assertProblem(me.get("/api/notifications?size=0"), 400, null);
        Problems.assertProblem(me.get("/api/ops/notifications/dead-letters"), 403, null);
        HttpTestClient ops = signedIn("ops-" + UUID.randomUUID(), "OPS");
        Problems.assertProblem(
                ops.post("/api/ops/notifications/dead-letters/" + UUID.randomUUID() + "/replay", ""), 404, "not-found");

        String orderId = UUID.randomUUID().toString();
        OrderStatusChanged noUser = event(
                orderId,
                null,
                OrderStatus.PAYMENT_PENDING,
                OrderStatus.PLACED,
                null,
                List.of(line("item-" + UUID.randomUUID(), "supplier-e", 1, 1_000)),
                1_000);
        orderService.publish(names.topicPrefix(), noUser);
        KafkaRecords.firstWithKey(
                LocalServer.KAFKA.address(), Topics.deadLetterOf(names.topic(Topics.ORDER_EVENTS)), orderId, WAIT);
        assertThat(deliveries.ofEvent(noUser.eventId())).isEmpty();
    }

    @Test
    void theApiDocumentListsTheApiBehindTheBearerScheme() {
        ApiDocument doc = ApiDocument.fetch(port)
                .assertPlatformConventions("notification-service")
                .assertBearerScheme()
                .assertOperations(
                        "GET /api/notifications",
                        "POST /api/notifications/{id}/read",
                        "GET /api/notifications/preferences",
                        "PUT /api/notifications/preferences",
                        "GET /api/ops/notifications/dead-letters",
                        "POST /api/ops/notifications/dead-letters/{id}/replay")
                .assertProblemResponse("POST /api/notifications/{id}/read", 404)
                .assertProblemResponse("GET /api/notifications", 401);
        assertThat(doc.securityOf("GET /api/notifications")).containsExactly(ApiDocument.BEARER);
        assertThat(doc.openApi().getPaths().keySet()).noneMatch(path -> path.startsWith("/sms-simulator"));
    }

    private Mailboxes.Mail awaitOneMail(String address) {
        Awaitility.await().atMost(WAIT).until(() -> !Mailboxes.of(address).isEmpty());
        List<Mailboxes.Mail> mails = Mailboxes.of(address);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private List<JsonNode> smsTo(String number) {
        HttpTestClient.Response log = sms.get("/sms-simulator/v1/messages?to=" + number.replace("+", "%2B"));
        assertThat(log.status()).as(log.body()).isEqualTo(200);
        List<JsonNode> messages = new java.util.ArrayList<>();
        log.json().forEach(messages::add);
        return messages;
    }

    private void simulatorFailsNext(int count) {
        HttpTestClient.Response faults = sms.post("/sms-simulator/v1/faults", Map.of("failNext", count));
        assertThat(faults.status()).as(faults.body()).isEqualTo(200);
    }

    private JsonNode inbox(String userId, String cursor, int size) {
        HttpTestClient me = signedIn(userId);
        HttpTestClient.Response inbox =
                me.get("/api/notifications?size=" + size + (cursor == null ? "" : "&cursor=" + cursor));
        assertThat(inbox.status()).as(inbox.body()).isEqualTo(200);
        return inbox.json();
    }

    /** {@code bazaar_notifications_deliveries_total} of one channel and outcome, as Prometheus scrapes it. */
    private double deliveryCount(String channel, String outcome) {
        String series = "bazaar_notifications_deliveries_total{channel=\"" + channel + "\",outcome=\"" + outcome + "\"";
        return api.get("/actuator/prometheus")
                .body()
                .lines()
                .filter(line -> line.startsWith(series))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private List<Delivery> customerDeliveries(OrderStatusChanged event) {
        return deliveries.ofEvent(event.eventId()).stream()
                .filter(delivery -> delivery.audience() == Audience.CUSTOMER)
                .toList();
    }

    /** The API as {@code userId} (with {@code roles}) signs in. */
    private HttpTestClient signedIn(String userId, String... roles) {
        return api.withBearer(TestJwts.token(userId, Instant.now().plus(Duration.ofMinutes(15)), roles));
    }

    private static OrderStatusChanged event(
            String orderId,
            String userId,
            OrderStatus from,
            OrderStatus to,
            String reason,
            List<OrderLine> lines,
            long total) {
        return new OrderStatusChanged(
                UUID.randomUUID(), Instant.now(), orderId, userId, from, to, reason, lines, Money.inr(total));
    }

    private static OrderLine line(String itemId, String supplierId, int quantity, long unitPaise) {
        return new OrderLine(itemId, supplierId, "WH-BOM", quantity, Money.inr(unitPaise));
    }
}
