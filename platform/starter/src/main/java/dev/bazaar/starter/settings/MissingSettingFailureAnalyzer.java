package dev.bazaar.starter.settings;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link MissingSettingException} into the start-up report: what is missing and how to set it. */
class MissingSettingFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingException cause) {
        return new FailureAnalysis(
                "The required setting " + cause.property() + " is not set (environment variable "
                        + cause.environmentVariable() + "). It is a secret: it has no default outside the '"
                        + LocalProfileEnvironmentPostProcessor.PROFILE + "' profile.",
                "Set " + cause.environmentVariable() + ", or run with --spring.profiles.active="
                        + LocalProfileEnvironmentPostProcessor.PROFILE + " for the development values "
                        + "(./bazaar up and the tests do).",
                cause);
    }
}
