package io.fahuo.shared;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Express carriers Fahuo ships with, and the shape of their tracking numbers (a heuristic used to refuse
 * made-up numbers; a courier trace is the real proof). Where a carrier's numbers carry a check digit
 * (UPU S10 for international postal items, UPS 1Z), the check digit must be right as well.
 */
public enum Carrier {
    ZTO("中通快递", "^7[3-68]\\d{12}$"),
    YTO("圆通速递", "^YT\\d{13}$"),
    STO("申通快递", "^(77|43)\\d{12,15}$"),
    YUNDA("韵达快递", "^[34]\\d{14}$|^5\\d{12}$"),
    SF("顺丰速运", "^SF[A-Z0-9]\\d{12}$|^\\d{12}$"),
    JD("京东快递", "^JD[A-Z0-9]{2}\\d{11}$"),
    JT("极兔速递", "^JT\\d{12,13}$"),
    EMS("EMS", "^[981]\\d{12}$|^[A-Z]{2}\\d{9}[A-Z]{2}$", CheckDigits::s10OrDomestic),
    DEPPON("德邦快递", "^DPK\\d{12}$"),
    UPS("UPS", "^1Z[A-Z0-9]{16}$", CheckDigits::ups1z);

    private final String displayName;
    private final Pattern trackingPattern;
    private final Predicate<String> checkDigit;

    Carrier(String displayName, String trackingPattern) {
        this(displayName, trackingPattern, n -> true);
    }

    Carrier(String displayName, String trackingPattern, Predicate<String> checkDigit) {
        this.displayName = displayName;
        this.trackingPattern = Pattern.compile(trackingPattern);
        this.checkDigit = checkDigit;
    }

    public String displayName() {
        return displayName;
    }

    public boolean looksLikeTrackingNumber(String number) {
        return number != null && trackingPattern.matcher(number).matches() && checkDigit.test(number);
    }

    public static Optional<Carrier> parse(String name) {
        return Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }
}
