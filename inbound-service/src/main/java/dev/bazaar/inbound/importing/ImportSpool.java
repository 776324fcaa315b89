package dev.bazaar.inbound.importing;

import dev.bazaar.starter.problem.ApiProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Request bodies go to a file as they arrive, never into the heap, so the request is answered
 * before the rows are processed and a body of any length costs a few KB of memory.
 */
@Component
class ImportSpool {

    private final Path directory;
    private final long maxBytes;

    ImportSpool(InboundProperties properties) throws IOException {
        this.directory = properties.spoolDir();
        this.maxBytes = properties.maxBodySize().toBytes();
        Files.createDirectories(directory);
    }

    void checkDeclaredLength(long contentLength) {
        if (contentLength > maxBytes) {
            throw tooLarge();
        }
    }

    /** Copies the body to {@code <importId>.spool}; refuses an empty or too large body (deleting what was written). */
    Path spool(String importId, InputStream body) throws IOException {
        Path file = directory.resolve(importId + ".spool");
        long written = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = body.read(buffer)) != -1) {
                written += read;
                if (written > maxBytes) {
                    throw tooLarge();
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        if (written == 0) {
            Files.deleteIfExists(file);
            throw ApiProblem.badRequest("empty-body", "The request body is empty.");
        }
        return file;
    }

    private ApiProblem tooLarge() {
        return new ApiProblem(
                HttpStatus.CONTENT_TOO_LARGE,
                "payload-too-large",
                "Payload too large",
                "A catalogue file may have at most " + maxBytes + " bytes; split it into several imports.");
    }
}
