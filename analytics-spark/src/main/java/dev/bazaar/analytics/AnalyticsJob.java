package dev.bazaar.analytics;

/**
 * The jobs, one jar: {@code stream} runs the live reports and the lake sink until stopped; {@code
 * recommend} trains on the lake once and publishes the recommendations. Settings: {@link AnalyticsSettings}.
 */
public final class AnalyticsJob {

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: AnalyticsJob stream|recommend");
            System.exit(2);
        }
        AnalyticsSettings settings = AnalyticsSettings.fromEnvironment();
        switch (args[0]) {
            case "stream" -> throw new UnsupportedOperationException("stream: not yet");
            case "recommend" -> throw new UnsupportedOperationException("recommend: not yet");
            default -> {
                System.err.println("unknown job " + args[0] + "; usage: AnalyticsJob stream|recommend");
                System.exit(2);
            }
        }
    }

    private AnalyticsJob() {}
}
