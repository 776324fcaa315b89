package dev.bazaar.infra;

import java.util.Locale;

/**
 * A TCP port a server listens on. Each can be moved with an environment variable, e.g.
 * {@code BAZAAR_KAFKA_PORT} for the one clients use or {@code BAZAAR_KAFKA_CONTROLLER_PORT}.
 */
record Port(String server, String role, String envVar, int number) {

    /** The port clients connect to: {@code BAZAAR_<SERVER>_PORT}. */
    static Port client(String server, int defaultNumber) {
        return configured(server, "client", "BAZAAR_" + server.toUpperCase(Locale.ROOT) + "_PORT", defaultNumber);
    }

    /** A secondary port: {@code BAZAAR_<SERVER>_<ROLE>_PORT}. */
    static Port secondary(String server, String role, int defaultNumber) {
        String env = "BAZAAR_" + server.toUpperCase(Locale.ROOT) + "_" + role.toUpperCase(Locale.ROOT) + "_PORT";
        return configured(server, role, env, defaultNumber);
    }

    private static Port configured(String server, String role, String envVar, int defaultNumber) {
        String value = System.getenv(envVar);
        if (value == null || value.isBlank()) {
            return new Port(server, role, envVar, defaultNumber);
        }
        try {
            return new Port(server, role, envVar, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw new LaunchException(envVar + "=" + value + " is not a port number");
        }
    }

    @Override
    public String toString() {
        return Integer.toString(number);
    }
}
