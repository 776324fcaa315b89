package dev.bazaar.notification.channel;

import dev.bazaar.notification.NotificationProperties;
import dev.bazaar.notification.contact.Contact;
import dev.bazaar.notification.delivery.Channel;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * EMAIL over SMTP ({@code spring.mail.*}): a multipart/alternative mail, plain text and HTML, to every
 * recipient at once. Its Message-ID is derived from the delivery id ({@code <delivery-id@domain>}), so a mail
 * sent again after a crash (SMTP has no idempotency key) carries the same id and a mail catcher or client can
 * see it is the same mail. A server that cannot be reached or refuses for now is transient; a mail that cannot
 * even be built is permanent.
 */
@Component
class EmailChannel implements ChannelAdapter {

    private final JavaMailSenderImpl mail;
    private final NotificationProperties.Email settings;

    EmailChannel(JavaMailSenderImpl mail, NotificationProperties properties) {
        this.mail = mail;
        this.settings = properties.email();
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public boolean reaches(Contact contact) {
        return contact.email() != null && !contact.email().isBlank();
    }

    @Override
    public String send(Outgoing outgoing) {
        String messageId = "<" + outgoing.deliveryId() + "@" + settings.messageIdDomain() + ">";
        MimeMessage message = new MimeMessage(mail.getSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(outgoing.recipients().stream().map(Contact::email).toArray(String[]::new));
            helper.setSubject(outgoing.message().subject());
            helper.setText(outgoing.message().text(), outgoing.message().html());
        } catch (MessagingException e) {
            throw new SendFailure(true, "mail could not be built: " + e.getMessage(), e);
        }
        try {
            mail.send(message);
        } catch (MailSendException | MailAuthenticationException e) {
            throw new SendFailure(false, "SMTP: " + e.getMessage(), e);
        } catch (MailException e) {
            throw new SendFailure(true, "mail refused: " + e.getMessage(), e);
        }
        return messageId;
    }
}
