package io.fahuo.shared;

/** Check digits of tracking numbers that carry one. */
public final class CheckDigits {

    private static final int[] S10_WEIGHTS = {8, 6, 4, 2, 3, 5, 9, 7};

    private CheckDigits() {
    }

    /**
     * UPU S10 ({@code AA123456785BR}): weights 8,6,4,2,3,5,9,7 on the eight serial digits,
     * c = 11 − (sum mod 11), where 10 becomes 0 and 11 becomes 5.
     */
    public static boolean s10(String number) {
        if (number == null || !number.matches("^[A-Z]{2}\\d{9}[A-Z]{2}$")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (number.charAt(2 + i) - '0') * S10_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        int expected = c == 10 ? 0 : c == 11 ? 5 : c;
        return number.charAt(10) - '0' == expected;
    }

    /** EMS numbers are domestic 13-digit numbers (no check digit) or international S10 numbers. */
    static boolean s10OrDomestic(String number) {
        return Character.isDigit(number.charAt(0)) || s10(number);
    }

    /**
     * UPS {@code 1Z…}: characters 3–17, letters map to (ASCII − 3) mod 10, values at odd positions (the
     * 2nd, 4th, … counted from 1) are doubled, check = (10 − sum mod 10) mod 10 is the 18th character.
     */
    public static boolean ups1z(String number) {
        if (number == null || !number.matches("^1Z[A-Z0-9]{16}$")) {
            return false;
        }
        int sum = 0;
        for (int i = 2; i < 17; i++) {
            char ch = number.charAt(i);
            int v = Character.isDigit(ch) ? ch - '0' : (ch - 3) % 10;
            sum += (i - 2) % 2 == 1 ? 2 * v : v;
        }
        return number.charAt(17) - '0' == (10 - sum % 10) % 10;
    }
}
