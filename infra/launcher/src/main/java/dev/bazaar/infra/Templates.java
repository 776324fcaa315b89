package dev.bazaar.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Fills {@code @NAME@} placeholders of the config templates kept in {@code infra/<server>/config}:
 * the checked-in file shows the whole config, and only ports and paths differ per machine.
 */
final class Templates {

    private Templates() {}

    static void render(Path template, Path target, Map<String, Object> values) throws IOException {
        if (!Files.isRegularFile(template)) {
            throw new LaunchException("config template " + template + " is missing: restore it from git");
        }
        String text = Files.readString(template);
        for (Map.Entry<String, Object> value : values.entrySet()) {
            text = text.replace("@" + value.getKey() + "@", String.valueOf(value.getValue()));
        }
        Files.createDirectories(target.getParent());
        Files.writeString(target, text);
    }
}
