package dev.bazaar.starter.settings;

/** A setting a production start must be given (a secret) is not set; see {@link MissingSettingFailureAnalyzer}. */
public class MissingSettingException extends IllegalStateException {

    private final String property;
    private final String environmentVariable;

    public MissingSettingException(String property, String environmentVariable) {
        super(property + " is not set (environment variable " + environmentVariable + ")");
        this.property = property;
        this.environmentVariable = environmentVariable;
    }

    public String property() {
        return property;
    }

    public String environmentVariable() {
        return environmentVariable;
    }
}
