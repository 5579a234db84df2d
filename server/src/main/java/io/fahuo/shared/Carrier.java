package io.fahuo.shared;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Express carriers Fahuo ships with, and the shape of their tracking numbers (a heuristic used to refuse
 * made-up numbers; a courier trace is the real proof).
 */
public enum Carrier {
    ZTO("中通快递", "^7[3-68]\\d{12}$"),
    YTO("圆通速递", "^YT\\d{13}$"),
    STO("申通快递", "^(77|43)\\d{12,15}$"),
    YUNDA("韵达快递", "^[34]\\d{14}$|^5\\d{12}$"),
    SF("顺丰速运", "^SF[A-Z0-9]\\d{12}$|^\\d{12}$"),
    JD("京东快递", "^JD[A-Z0-9]{2}\\d{11}$"),
    JT("极兔速递", "^JT\\d{12,13}$"),
    EMS("EMS", "^[981]\\d{12}$"),
    DEPPON("德邦快递", "^DPK\\d{12}$");

    private final String displayName;
    private final Pattern trackingPattern;

    Carrier(String displayName, String trackingPattern) {
        this.displayName = displayName;
        this.trackingPattern = Pattern.compile(trackingPattern);
    }

    public String displayName() {
        return displayName;
    }

    public boolean looksLikeTrackingNumber(String number) {
        return number != null && trackingPattern.matcher(number).matches();
    }

    public static Optional<Carrier> parse(String name) {
        return Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }
}
