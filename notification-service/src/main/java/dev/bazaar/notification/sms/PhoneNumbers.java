package dev.bazaar.notification.sms;

/**
 * user-service keeps a phone as the user typed it (10 to 15 digits, maybe a leading {@code +}); providers
 * want E.164. A bare 10-digit number is Indian ({@code +91}); {@code 91} and 10 digits is the same number
 * with its country code; anything else is taken as already international.
 */
public final class PhoneNumbers {

    private PhoneNumbers() {}

    public static String e164(String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        if (phone.strip().startsWith("+")) {
            return "+" + digits;
        }
        if (digits.length() == 10) {
            return "+91" + digits;
        }
        if (digits.length() == 12 && digits.startsWith("91")) {
            return "+" + digits;
        }
        return "+" + digits;
    }
}
