package dev.bazaar.analytics.recommend;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * How much one signal of a shopper says about wanting an item: the confidence implicit-feedback ALS
 * (Hu, Koren and Volinsky 2008) learns from, where only relative sizes matter. The order
 * search &lt; wishlist &lt; cart &lt; order follows what each costs the shopper: a search is typed in a
 * second and names no item (its weight is spread over the items it matches); a wishlist add is a
 * deliberate "maybe later"; a cart add is "probably now"; a paid order is money spent. An order counts
 * per unit, capped, so a shopper who bought 50 pens does not make pens their whole profile. Older
 * signals count less: the weight halves every {@code halfLife}, so tastes that changed win over old ones.
 *
 * @param search a search's weight, shared by the items it matches
 * @param wishlist an item added to a wishlist
 * @param cart an item added to a cart or its quantity changed
 * @param orderUnit one unit of an item in an order moving to PLACED (paid)
 * @param orderUnitsCap units of one order line counted at most
 * @param halfLife the age at which a signal counts half
 */
public record FeedbackWeights(
        double search, double wishlist, double cart, double orderUnit, int orderUnitsCap, Duration halfLife)
        implements Serializable {

    /** The kinds of signal, as the lake's events give them. */
    public enum Signal {
        SEARCH,
        WISHLIST,
        CART,
        ORDER
    }

    public FeedbackWeights {
        if (!(0 < search && search < wishlist && wishlist < cart && cart < orderUnit)) {
            throw new IllegalArgumentException("weights must rank search < wishlist < cart < order: " + search + ", "
                    + wishlist + ", " + cart + ", " + orderUnit);
        }
        if (orderUnitsCap < 1 || halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("orderUnitsCap >= 1 and a positive halfLife expected");
        }
    }

    /**
     * Search 0.5, wishlist 2, cart 3, order 5 a unit up to 3 units, half-life 30 days: one paid unit
     * outweighs a cart add, which outweighs a wishlist add, and ten searches for an item say about what
     * one wishlist add and one cart add say together. 30 days: a month-old signal still counts half, one
     * from a season ago an eighth.
     */
    public static FeedbackWeights standard() {
        return new FeedbackWeights(0.5, 2, 3, 5, 3, Duration.ofDays(30));
    }

    public FeedbackWeights withHalfLife(Duration halfLife) {
        return new FeedbackWeights(search, wishlist, cart, orderUnit, orderUnitsCap, halfLife);
    }

    /**
     * The weight of one signal before decay. {@code amount}: the units of an order line; the share of
     * a search an item gets (1/n of the n items it matched); 1 for a wishlist or cart add.
     */
    public double weight(Signal signal, double amount) {
        return switch (signal) {
            case SEARCH -> search * amount;
            case WISHLIST -> wishlist * amount;
            case CART -> cart * amount;
            case ORDER -> orderUnit * Math.min(amount, orderUnitsCap);
        };
    }

    /** {@code weight × 2^(-age/halfLife)}; a signal from after {@code now} (clock skew) counts as new. */
    public double decayed(double weight, Instant occurredAt, Instant now) {
        double ageMillis = Math.max(0, Duration.between(occurredAt, now).toMillis());
        return weight * Math.pow(2, -ageMillis / halfLife.toMillis());
    }

    public double decayedWeight(Signal signal, double amount, Instant occurredAt, Instant now) {
        return decayed(weight(signal, amount), occurredAt, now);
    }
}
