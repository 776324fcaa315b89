package dev.bazaar.testing;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * What arrived in a mailbox of the local GreenMail, read over IMAP as a mail client would (any password):
 * notification-service's tests and the end-to-end journeys read the mail it sent so.
 */
public final class Mailboxes {

    public static final int IMAP_PORT =
            Integer.parseInt(System.getenv().getOrDefault("BAZAAR_GREENMAIL_IMAP_PORT", "13143"));

    public record Mail(String messageId, String subject, List<String> to, String text, String html) {}

    private Mailboxes() {}

    /** Every mail in the address's inbox, oldest first. */
    public static List<Mail> of(String address) {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect(LocalServer.GREENMAIL.host(), IMAP_PORT, address, "any-password");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Mail> mails = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                String[] ids = message.getHeader("Message-ID");
                StringBuilder text = new StringBuilder();
                StringBuilder html = new StringBuilder();
                collect(message, text, html);
                mails.add(new Mail(
                        ids == null ? null : ids[0],
                        message.getSubject(),
                        Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                                .map(Address::toString)
                                .toList(),
                        text.toString(),
                        html.toString()));
            }
            inbox.close(false);
            return mails;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("IMAP read of " + address + " failed", e);
        }
    }

    private static void collect(Part part, StringBuilder text, StringBuilder html)
            throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        } else if (part.isMimeType("text/html")) {
            html.append(part.getContent());
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, text, html);
            }
        }
    }
}
