package dev.bazaar.inbound.translation;

import java.io.IOException;
import java.nio.file.Path;
import org.springframework.http.MediaType;

/**
 * One supplier file format. Supporting a new format is one new implementation (a Spring bean):
 * the import pipeline picks it by content type (and the optional {@code format} request
 * parameter), lets it check the spooled body, then reads translated rows from it.
 */
public interface SupplierFormat {

    /** Stable name, shown on the import and accepted as the {@code format} request parameter. */
    String name();

    MediaType mediaType();

    /**
     * Request-level validity of the spooled body, before the import is accepted: streams the file
     * and throws {@link dev.bazaar.starter.problem.ApiProblem} (400) for faults that make the whole
     * file unusable (not a JSON array, header without the required columns, no rows).
     */
    void checkRequest(Path spool) throws IOException;

    /** Reads the spooled body row by row; memory use does not grow with the file. */
    SupplierRows open(Path spool, String supplierId) throws IOException;
}
