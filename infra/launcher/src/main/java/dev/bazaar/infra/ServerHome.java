package dev.bazaar.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One server's corner of the data dir: {@code <home>/<server>/{data,logs,conf,pid}}. */
record ServerHome(Path root) {

    Path data() {
        return root.resolve("data");
    }

    Path logs() {
        return root.resolve("logs");
    }

    /** Generated configuration, rewritten on every start so a port change takes effect. */
    Path conf() {
        return root.resolve("conf");
    }

    Path pidFile() {
        return root.resolve("pid");
    }

    void create() throws IOException {
        Files.createDirectories(data());
        Files.createDirectories(logs());
        Files.createDirectories(conf());
    }
}
