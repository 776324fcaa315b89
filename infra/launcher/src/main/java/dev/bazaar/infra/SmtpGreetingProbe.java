package dev.bazaar.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** SMTP: a {@code 220} greeting, then {@code EHLO} answered by {@code 250}, then a polite QUIT. */
final class SmtpGreetingProbe implements ProtocolProbe {

    private final int port;

    SmtpGreetingProbe(int port) {
        this.port = port;
    }

    @Override
    public void check() throws IOException {
        try (Socket socket = ProtocolProbe.connect(port)) {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            expect(in, "220", "greeting");
            out.write("EHLO bazaar-launcher\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            expect(in, "250", "EHLO");
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    /** Reads a reply, which may span lines ("250-..." continues, "250 ..." ends). */
    private static void expect(BufferedReader in, String code, String step) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null || !line.startsWith(code)) {
                throw new IOException(step + " answered " + line);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
    }

    @Override
    public String describe() {
        return "SMTP greeting + EHLO";
    }
}
