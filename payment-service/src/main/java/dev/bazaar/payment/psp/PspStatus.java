package dev.bazaar.payment.psp;

import dev.bazaar.contracts.Money;

/**
 * A session's state as the PSP reports it (status API or webhook). Only CAPTURED, DECLINED and FAILED are
 * final; PENDING says nothing has happened yet (the shopper may still pay, or has closed the page).
 */
public record PspStatus(State state, String transactionId, Money amount, String reason) {

    public enum State {
        PENDING,
        CAPTURED,
        DECLINED,
        FAILED
    }

    public boolean isFinal() {
        return state != State.PENDING;
    }
}
