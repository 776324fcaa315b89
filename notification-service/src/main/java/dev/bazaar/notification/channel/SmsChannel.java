package dev.bazaar.notification.channel;

import dev.bazaar.notification.contact.Contact;
import dev.bazaar.notification.delivery.Channel;
import dev.bazaar.notification.sms.PhoneNumbers;
import dev.bazaar.notification.sms.SmsGateway;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * SMS through the provider behind {@link SmsGateway}, one message per recipient's number, each with the
 * client reference {@code <delivery-id>:<user-id>}: a retry of a delivery that reached some numbers before
 * failing (or before a crash) sends those nothing again. A number the provider refuses for good is skipped
 * when others were reached, and fails the delivery for good when none was.
 */
@Component
class SmsChannel implements ChannelAdapter {

    private final SmsGateway gateway;

    SmsChannel(SmsGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public boolean reaches(Contact contact) {
        return contact.phone() != null && !contact.phone().isBlank();
    }

    @Override
    public String send(Outgoing outgoing) {
        List<String> accepted = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Contact contact : outgoing.recipients()) {
            try {
                accepted.add(gateway.send(
                        PhoneNumbers.e164(contact.phone()),
                        outgoing.message().text(),
                        outgoing.deliveryId() + ":" + contact.userId()));
            } catch (SmsGateway.Rejected e) {
                refused.add(contact.userId() + ": " + e.getMessage());
            } catch (SmsGateway.Unavailable e) {
                throw new SendFailure(false, e.getMessage(), e);
            }
        }
        if (accepted.isEmpty()) {
            throw new SendFailure(true, String.join("; ", refused), null);
        }
        return String.join(",", accepted) + (refused.isEmpty() ? "" : " (refused: " + String.join("; ", refused) + ")");
    }
}
