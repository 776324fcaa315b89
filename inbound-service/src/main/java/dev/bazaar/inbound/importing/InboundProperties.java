package dev.bazaar.inbound.importing;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param spoolDir where request bodies wait for processing (one file per import, deleted when done)
 * @param maxBodySize larger bodies are refused with 413 while they arrive
 * @param chunkRows rows per database transaction
 * @param chunkChars a chunk also ends when its rows hold this many characters, so huge rows stay few
 * @param workers imports processed at the same time
 */
@ConfigurationProperties("bazaar.inbound.import")
record InboundProperties(
        Path spoolDir,
        @DefaultValue("500MB") DataSize maxBodySize,
        @DefaultValue("500") int chunkRows,
        @DefaultValue("4000000") long chunkChars,
        @DefaultValue("1") int workers) {}
