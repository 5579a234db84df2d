package io.fahuo.inventory.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The registered sender of a warehouse (实名寄件): couriers refuse waybills without it, and so does Fahuo.
 */
public record SenderProfile(String name, String phone, String company, String province, String city,
                            String district, String address, String creditCode) {

    /** The fields a courier needs that are missing; empty when the profile can be used. */
    public List<String> missingFields() {
        List<String> missing = new ArrayList<>();
        if (blank(name)) missing.add("sender name");
        if (blank(phone)) missing.add("sender phone");
        if (blank(province)) missing.add("sender province");
        if (blank(city)) missing.add("sender city");
        if (blank(district)) missing.add("sender district");
        if (blank(address)) missing.add("sender address");
        return missing;
    }

    public boolean isComplete() {
        return missingFields().isEmpty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
