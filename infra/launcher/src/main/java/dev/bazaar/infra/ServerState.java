package dev.bazaar.infra;

import java.io.IOException;
import java.util.OptionalLong;

/** What the pid file and /proc say about a server, before anything is started or stopped. */
record ServerState(Server server, Condition condition, long pid) {

    enum Condition {
        /** A live process of ours. */
        RUNNING,
        /** The pid file names a process that is gone (or was replaced): it died without `down`. */
        CRASHED,
        /** No pid file and no process. */
        STOPPED
    }

    static ServerState of(Server server) {
        ServerHome home = server.home();
        OptionalLong recorded = ProcessTable.readPidFile(home.pidFile());
        if (recorded.isPresent() && ProcessTable.belongsTo(recorded.getAsLong(), home.root())) {
            return new ServerState(server, Condition.RUNNING, recorded.getAsLong());
        }
        // A lost or stale pid file must not let a second server start on the same data.
        OptionalLong stray = ProcessTable.findServerProcess(home.root(), server.executableNames());
        if (stray.isPresent()) {
            return new ServerState(server, Condition.RUNNING, stray.getAsLong());
        }
        if (recorded.isPresent()) {
            return new ServerState(server, Condition.CRASHED, recorded.getAsLong());
        }
        return new ServerState(server, Condition.STOPPED, 0);
    }

    boolean running() {
        return condition == Condition.RUNNING;
    }

    /** Re-records a running server's pid when its pid file was lost. */
    void adoptIfUnrecorded() {
        if (running() && ProcessTable.readPidFile(server.home().pidFile()).isEmpty()) {
            try {
                ProcessTable.writePidFile(server.home().pidFile(), pid);
            } catch (IOException e) {
                // Without a pid file the process is still found by its data dir next time.
            }
        }
    }
}
