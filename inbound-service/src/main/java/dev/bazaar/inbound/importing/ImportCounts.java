package dev.bazaar.inbound.importing;

/**
 * Progress of an import. {@code rowsRead = accepted + unchanged + rejected + skipped}: accepted rows
 * were new or changed and published; unchanged rows equal what was published before and publish
 * nothing; rejected rows have row errors; skipped rows were blank.
 */
record ImportCounts(long rowsRead, long accepted, long rejected, long skipped, long unchanged) {

    public static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0, 0);
}
