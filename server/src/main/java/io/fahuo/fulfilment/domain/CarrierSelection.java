package io.fahuo.fulfilment.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Picks the courier account for a parcel by ordered rules with a fallback, and says why. */
public final class CarrierSelection {

    /** What the rules look at. */
    public record Parcel(String province, String city, int weightGrams, Set<String> skuTags, long amountFen, long shopId) {
    }

    public record Choice(long courierAccountId, String explanation) {
    }

    private CarrierSelection() {
    }

    public static Optional<Choice> choose(Parcel parcel, List<CarrierRule> rules, Long fallbackAccountId, String fallbackName) {
        for (CarrierRule rule : rules) {
            List<String> because = matches(rule, parcel);
            if (because != null) {
                return Optional.of(new Choice(rule.courierAccountId(), "rule #" + rule.position() + " \"" + rule.name() + "\""
                        + (because.isEmpty() ? " (matches every parcel)" : ": " + String.join(", ", because))));
            }
        }
        if (fallbackAccountId == null) {
            return Optional.empty();
        }
        return Optional.of(new Choice(fallbackAccountId, (rules.isEmpty() ? "no carrier rules" : "no rule matched")
                + "; default account " + fallbackName));
    }

    /** The reasons the rule matches, or null when it does not. */
    private static List<String> matches(CarrierRule r, Parcel p) {
        List<String> because = new ArrayList<>();
        if (!r.provinces().isEmpty()) {
            String province = Regions.shortProvince(p.province());
            if (r.provinces().stream().map(Regions::shortProvince).noneMatch(province::equals)) {
                return null;
            }
            because.add("destination " + province);
        }
        if (!r.cities().isEmpty()) {
            if (p.city() == null || r.cities().stream().noneMatch(c -> p.city().startsWith(c.replace("市", "")))) {
                return null;
            }
            because.add("city " + p.city());
        }
        if (r.remoteOnly()) {
            if (!Regions.isRemote(p.province())) {
                return null;
            }
            because.add(Regions.shortProvince(p.province()) + " is a remote area");
        }
        if (r.minWeightGrams() != null && p.weightGrams() < r.minWeightGrams()) {
            return null;
        }
        if (r.maxWeightGrams() != null && p.weightGrams() > r.maxWeightGrams()) {
            return null;
        }
        if (r.minWeightGrams() != null || r.maxWeightGrams() != null) {
            because.add("weight " + p.weightGrams() + " g");
        }
        if (r.skuTag() != null && !r.skuTag().isBlank()) {
            if (!p.skuTags().contains(r.skuTag())) {
                return null;
            }
            because.add("SKU tag " + r.skuTag());
        }
        if (r.minAmountFen() != null && p.amountFen() < r.minAmountFen()) {
            return null;
        }
        if (r.maxAmountFen() != null && p.amountFen() > r.maxAmountFen()) {
            return null;
        }
        if (r.minAmountFen() != null || r.maxAmountFen() != null) {
            because.add("amount " + p.amountFen() / 100.0 + " yuan");
        }
        if (r.shopId() != null) {
            if (r.shopId() != p.shopId()) {
                return null;
            }
            because.add("shop " + p.shopId());
        }
        return because;
    }
}
