package dev.bazaar.demo;

import java.util.Random;

/** Prices as Indian shops write them: ₹499, ₹1,299, ₹24,999, with an MRP a typical discount above. */
final class ShopPrices {

    private static final int[] DISCOUNT_PERCENT = {0, 0, 5, 10, 10, 15, 20, 25, 30, 40, 50, 60};

    /** Spread evenly on a log scale between the bounds (as many ₹500 kettles as ₹5,000 ones), then charm-rounded. */
    static long price(Random random, long minRupees, long maxRupees) {
        double log = Math.log(minRupees) + random.nextDouble() * (Math.log(maxRupees) - Math.log(minRupees));
        return charm(Math.round(Math.exp(log)));
    }

    /** The MRP this price is a discount on; never below the price (inbound rejects that). */
    static long mrpFor(Random random, long price) {
        int discount = DISCOUNT_PERCENT[random.nextInt(DISCOUNT_PERCENT.length)];
        if (discount == 0) {
            return price;
        }
        return Math.max(price, charm(price * 100 / (100 - discount)));
    }

    /** Rounded to the nearest charm price at or below the next step: 99, 499, 1,299, 24,999. */
    static long charm(long rupees) {
        long unit = rupees < 1_000 ? 10 : rupees < 10_000 ? 100 : 1_000;
        return Math.max(9, (rupees + unit - 1) / unit * unit - 1);
    }

    private ShopPrices() {}
}
