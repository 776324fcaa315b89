package dev.bazaar.infra;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The last lines of a log, read from its end so a large log costs nothing. */
final class LogTail {

    private static final int MAX_BYTES = 256 * 1024;

    private LogTail() {}

    static List<String> lastLines(Path log, int count) {
        if (!Files.isRegularFile(log)) {
            return List.of("(no log yet at " + log + ")");
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            int size = (int) Math.min(length, MAX_BYTES);
            byte[] bytes = new byte[size];
            file.seek(length - size);
            file.readFully(bytes);
            List<String> lines =
                    new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\r?\n")));
            return lines.subList(Math.max(0, lines.size() - count), lines.size());
        } catch (IOException e) {
            return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
        }
    }

    static String indented(Path log, int count) {
        StringBuilder text = new StringBuilder("    --- last " + count + " lines of " + log + " ---\n");
        for (String line : lastLines(log, count)) {
            text.append("    | ").append(line).append('\n');
        }
        return text.toString();
    }
}
