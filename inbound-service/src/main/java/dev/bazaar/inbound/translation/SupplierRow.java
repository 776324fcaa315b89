package dev.bazaar.inbound.translation;

import dev.bazaar.contracts.catalog.CanonicalItem;
import java.util.List;

/** One data row of a supplier file after translation: an item, a rejection, or a blank row to skip. */
public sealed interface SupplierRow {

    /** 1-based number of the data record (the CSV header and JSON brackets are not counted). */
    long rowNumber();

    /** Rough size in characters, so a chunk of rows with huge descriptions stays small in memory. */
    default long weight() {
        return 1;
    }

    /** {@code item} has version 0: the store assigns the real version when it sees a change. */
    record Accepted(long rowNumber, CanonicalItem item) implements SupplierRow {

        @Override
        public long weight() {
            return 1_000 + (item.description() == null ? 0 : item.description().length());
        }
    }

    record Rejected(long rowNumber, List<RowFault> faults) implements SupplierRow {}

    record Blank(long rowNumber) implements SupplierRow {}
}
