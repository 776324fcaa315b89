package dev.bazaar.search.shopper;

/**
 * Who searched: a logged-in user (id from the JWT's {@code sub}) or an anonymous session.
 *
 * @param id the user id, or the anonymous session id
 */
public record Shopper(String id, boolean anonymous) {

    public String userId() {
        return anonymous ? null : id;
    }
}
