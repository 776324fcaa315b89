package dev.bazaar.cart.cart;

/**
 * Whose cart: a signed-in shopper (the JWT's subject) or a guest (a random guest id found from the
 * cart token). {@code key} is the owner column of {@code cart} and {@code cart_line}; a guest's key is
 * {@code guest:<guestId>}, which no user id (a UUID) can equal.
 */
record CartOwner(String key, String userId, String guestId) {

    static CartOwner user(String userId) {
        return new CartOwner(userId, userId, null);
    }

    static CartOwner guest(String guestId) {
        return new CartOwner("guest:" + guestId, null, guestId);
    }

    boolean isGuest() {
        return guestId != null;
    }
}
