package dev.bazaar.starter.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bazaar.idempotency.*}; each default is stated here only.
 *
 * @param retention how long an {@code Idempotency-Key} is remembered: a client's retries come within
 *     minutes, a day also covers an app resent from a phone that was offline overnight
 */
@ConfigurationProperties("bazaar.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration retention) {}
