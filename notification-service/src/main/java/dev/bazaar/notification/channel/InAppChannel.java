package dev.bazaar.notification.channel;

import dev.bazaar.notification.contact.Contact;
import dev.bazaar.notification.delivery.Channel;
import dev.bazaar.notification.inapp.InAppMessages;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** IN_APP: a message in each recipient's inbox in this service's database, once per delivery and user. */
@Component
class InAppChannel implements ChannelAdapter {

    private final InAppMessages messages;

    InAppChannel(InAppMessages messages) {
        this.messages = messages;
    }

    @Override
    public Channel channel() {
        return Channel.IN_APP;
    }

    @Override
    public boolean reaches(Contact contact) {
        return true;
    }

    @Override
    public String send(Outgoing outgoing) {
        List<String> ids = new ArrayList<>();
        for (Contact contact : outgoing.recipients()) {
            ids.add(Long.toString(messages.deliver(
                    outgoing.deliveryId(),
                    contact.userId(),
                    outgoing.orderId(),
                    outgoing.message().subject(),
                    outgoing.message().text())));
        }
        return "in-app:" + String.join(",", ids);
    }
}
