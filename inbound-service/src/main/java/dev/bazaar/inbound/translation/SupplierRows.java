package dev.bazaar.inbound.translation;

import java.io.Closeable;
import java.io.IOException;

/** A cursor over the translated rows of one spooled file. */
public interface SupplierRows extends Closeable {

    /** The next row, or {@code null} after the last one. */
    SupplierRow next() throws IOException;
}
