package dev.bazaar.testing.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Notifications send mail through Spring's JavaMailSender; GreenMail receives it and serves it over IMAP. */
@SpringBootTest(classes = MailSmokeIntegrationTests.MailOnly.class)
@UsesLocalServers(LocalServer.GREENMAIL)
class MailSmokeIntegrationTests {

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(MailSenderAutoConfiguration.class)
    static class MailOnly {}

    static final int IMAP_PORT = Integer.parseInt(System.getenv().getOrDefault("BAZAAR_GREENMAIL_IMAP_PORT", "13143"));

    @Autowired
    JavaMailSender mail;

    @Test
    void sentEmailArrivesInTheRecipientsMailbox() {
        String recipient = "shopper-" + UUID.randomUUID() + "@bazaar.test";
        var message = new SimpleMailMessage();
        message.setFrom("orders@bazaar.test");
        message.setTo(recipient);
        message.setSubject("Your order is placed");
        message.setText("Order o-1 will arrive on Friday.");

        mail.send(message);

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
                store.connect(LocalServer.GREENMAIL.host(), IMAP_PORT, recipient, "any-password");
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                Message[] received = inbox.getMessages();
                assertThat(received).hasSize(1);
                assertThat(received[0].getSubject()).isEqualTo("Your order is placed");
                assertThat(received[0].getContent().toString()).contains("Order o-1");
            }
        });
    }
}
