package io.fahuo.simulator.kdniao;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/** Tracking numbers in each carrier's real format, as a courier's number pool would hand them out. */
final class Numbers {

    private static final Map<String, Supplier<String>> FORMATS = Map.of(
            "ZTO", () -> "7" + pick("3456") + digits(12),
            "YTO", () -> "YT" + digits(13),
            "STO", () -> "77" + digits(12),
            "YD", () -> "4" + digits(14),
            "SF", () -> "SF" + digits(13),
            "JD", () -> "JDV" + ThreadLocalRandom.current().nextInt(10) + digits(11),
            "JTSD", () -> "JT" + digits(13),
            "EMS", () -> "9" + digits(12),
            "DBL", () -> "DPK" + digits(12),
            "UPS", Numbers::ups);

    private Numbers() {
    }

    static boolean known(String shipperCode) {
        return FORMATS.containsKey(shipperCode);
    }

    static String next(String shipperCode) {
        return FORMATS.get(shipperCode).get();
    }

    /** UPS 1Z: shipper number, service, package digits, and the check digit UPS computes over characters 3–17. */
    private static String ups() {
        String body = "1Z" + "FH" + digits(4) + "03" + digits(7);
        int sum = 0;
        for (int i = 2; i < 17; i++) {
            char c = body.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : (c - 3) % 10;
            sum += (i - 2) % 2 == 1 ? v * 2 : v;
        }
        return body + (10 - sum % 10) % 10;
    }

    private static String pick(String chars) {
        return String.valueOf(chars.charAt(ThreadLocalRandom.current().nextInt(chars.length())));
    }

    static String digits(int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(ThreadLocalRandom.current().nextInt(10));
        }
        return s.toString();
    }
}
