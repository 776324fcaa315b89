package dev.bazaar.notification.template;

import dev.bazaar.contracts.Money;
import java.math.BigDecimal;

/**
 * Money as people read it: paise as rupees with Indian digit grouping ({@code ₹1,23,456.50}), and for SMS,
 * whose GSM-7 alphabet has no rupee sign (one would turn the whole message into UCS-2, 70 characters a part),
 * {@code Rs. 1,23,456.50}. Another currency is shown with its code. Exact: the minor units are never a double.
 */
final class Rupees {

    public String format(Money money) {
        return money == null
                ? ""
                : "INR".equals(money.currency()) ? "₹" + amount(money) : money.currency() + " " + amount(money);
    }

    public String ascii(Money money) {
        return money == null
                ? ""
                : "INR".equals(money.currency()) ? "Rs. " + amount(money) : money.currency() + " " + amount(money);
    }

    /** A line's amount: {@code quantity} times {@code unitPrice}. */
    public Money times(Money unitPrice, int quantity) {
        return new Money(Math.multiplyExact(unitPrice.minor(), quantity), unitPrice.currency());
    }

    /**
     * Indian grouping: the last three digits of the rupees, then groups of two (lakh, crore). Java's number
     * formats group evenly, even for {@code en-IN}, so it is done here.
     */
    private static String amount(Money money) {
        String plain = BigDecimal.valueOf(Math.abs(money.minor()), 2).toPlainString();
        int dot = plain.indexOf('.');
        String rupees = plain.substring(0, dot);
        StringBuilder grouped = new StringBuilder();
        int head = rupees.length() - 3;
        if (head > 0) {
            String lakhs = rupees.substring(0, head);
            for (int i = 0; i < lakhs.length(); i++) {
                if (i > 0 && (lakhs.length() - i) % 2 == 0) {
                    grouped.append(',');
                }
                grouped.append(lakhs.charAt(i));
            }
            grouped.append(',').append(rupees.substring(head));
        } else {
            grouped.append(rupees);
        }
        return (money.minor() < 0 ? "-" : "") + grouped + plain.substring(dot);
    }
}
