package dev.bazaar.infra;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * GreenMail standalone as a real SMTP + IMAP server. Its HTTP API defaults to port 8080, which is
 * the gateway's, so it is moved to {@code BAZAAR_GREENMAIL_API_PORT} (13080).
 * Authentication is disabled: any user/password is accepted and mailboxes are created on demand.
 */
final class GreenMailServer extends Server {

    private final Port smtp = Port.secondary("greenmail", "smtp", 13025);
    private final Port imap = Port.secondary("greenmail", "imap", 13143);
    private final Port api = Port.secondary("greenmail", "api", 13080);

    GreenMailServer(Layout layout) {
        super("greenmail", layout);
    }

    @Override
    List<Port> ports() {
        return List.of(smtp, imap, api);
    }

    @Override
    ProtocolProbe probe() {
        return new SmtpGreetingProbe(smtp.number());
    }

    @Override
    String clientAddress() {
        return "smtp 127.0.0.1:" + smtp + ", imap 127.0.0.1:" + imap + ", api http://127.0.0.1:" + api;
    }

    @Override
    List<String> executableNames() {
        return List.of("java");
    }

    @Override
    void checkPrerequisites() {
        jar();
    }

    @Override
    List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(smallJvm("128m"));
        command.addAll(List.of(
                "-Dgreenmail.smtp.hostname=127.0.0.1",
                "-Dgreenmail.smtp.port=" + smtp,
                "-Dgreenmail.imap.hostname=127.0.0.1",
                "-Dgreenmail.imap.port=" + imap,
                "-Dgreenmail.api.hostname=127.0.0.1",
                "-Dgreenmail.api.port=" + api,
                "-Dgreenmail.auth.disabled",
                "-jar",
                jar().toString()));
        return command;
    }

    private Path jar() {
        Path lib = layout.infraModule("greenmail").resolve("target/lib");
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(lib, "greenmail-standalone-*.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        } catch (IOException e) {
            // reported below
        }
        throw new LaunchException("greenmail: no greenmail-standalone jar in " + lib + ": " + Layout.buildHint());
    }
}
