package io.fahuo.shared;

/**
 * Masks consumer data for display, labels and exports, following the privacy-waybill conventions:
 * {@code 李*}, {@code 138****1234}, house numbers hidden.
 */
public final class Masking {

    private Masking() {
    }

    /** Keeps the first character (the family name for Chinese names). */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String trimmed = name.strip();
        int first = trimmed.offsetByCodePoints(0, 1);
        return trimmed.substring(0, first) + "*".repeat(Math.max(1, Math.min(2, trimmed.codePointCount(first, trimmed.length()))));
    }

    /** Keeps the first 3 and last 4 digits of a mobile number; a virtual number keeps its extension. */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return "";
        }
        String p = phone.strip();
        String extension = "";
        int dash = p.indexOf('-');
        if (dash > 0) {
            extension = p.substring(dash);
            p = p.substring(0, dash);
        }
        if (p.length() < 7) {
            return "*".repeat(p.length()) + extension;
        }
        return p.substring(0, 3) + "*".repeat(p.length() - 7) + p.substring(p.length() - 4) + extension;
    }

    /**
     * Keeps the street name at the start of the detail and hides everything from the first digit on, where
     * house, building and room numbers live (at most 10 characters are kept).
     */
    public static String addressDetail(String detail) {
        if (detail == null || detail.isBlank()) {
            return "";
        }
        String d = detail.strip();
        StringBuilder kept = new StringBuilder();
        int count = 0;
        for (int i = 0; i < d.length() && count < 10; ) {
            int cp = d.codePointAt(i);
            if (Character.isDigit(cp)) {
                break;
            }
            kept.appendCodePoint(cp);
            count++;
            i += Character.charCount(cp);
        }
        return kept + "****";
    }
}
