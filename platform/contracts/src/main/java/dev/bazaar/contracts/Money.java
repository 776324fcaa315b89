package dev.bazaar.contracts;

import java.util.Objects;

/** An amount in minor units (paise for INR) so no rounding ever happens on the wire. */
public record Money(long minor, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (currency.length() != 3) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code: " + currency);
        }
    }

    public static Money inr(long paise) {
        return new Money(paise, "INR");
    }
}
