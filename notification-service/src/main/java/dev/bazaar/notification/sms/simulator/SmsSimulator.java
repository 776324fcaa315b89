package dev.bazaar.notification.sms.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * A simulated SMS provider, an outside party: it accepts messages to Indian mobile numbers (E.164
 * {@code +91} then 6-9 and nine digits) and refuses any other number, gives each accepted message an id, and
 * answers a repeated {@code clientReference} with the message it accepted first, sending nothing twice. Its
 * outages are provoked ({@link #failNext}): that many next sends fail with a 503. What it "sent" is kept in
 * memory (the newest {@value #KEPT}), readable through its API as a carrier's delivery log would be.
 */
@Component
class SmsSimulator {

    static final int KEPT = 10_000;
    private static final Pattern INDIAN_MOBILE = Pattern.compile("\\+91[6-9][0-9]{9}");

    record Message(String messageId, String to, String from, String text, String clientReference, Instant acceptedAt) {}

    sealed interface Outcome {
        record Accepted(Message message, boolean repeat) implements Outcome {}

        record InvalidNumber(String to) implements Outcome {}

        record Unavailable(int remaining) implements Outcome {}
    }

    private final Map<String, Message> byReference = new LinkedHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();

    synchronized Outcome send(String to, String from, String text, String clientReference) {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new Outcome.Unavailable(failures.get());
        }
        Message earlier = byReference.get(clientReference);
        if (earlier != null) {
            return new Outcome.Accepted(earlier, true);
        }
        if (to == null || !INDIAN_MOBILE.matcher(to).matches()) {
            return new Outcome.InvalidNumber(to);
        }
        Message message = new Message("sms-" + UUID.randomUUID(), to, from, text, clientReference, Instant.now());
        byReference.put(clientReference, message);
        if (byReference.size() > KEPT) {
            byReference.remove(byReference.keySet().iterator().next());
        }
        return new Outcome.Accepted(message, false);
    }

    /** The next {@code count} sends fail as if the provider were down. */
    void failNext(int count) {
        failures.set(count);
    }

    /** The accepted messages to {@code to} (every one when null), oldest first. */
    synchronized List<Message> sent(String to) {
        List<Message> sent = new ArrayList<>();
        for (Message message : byReference.values()) {
            if (to == null || to.equals(message.to())) {
                sent.add(message);
            }
        }
        return sent;
    }
}
