package io.fahuo.fulfilment.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Automatic review: reasons to stop an order before any stock or waybill is spent on it. */
public final class HoldRules {

    private HoldRules() {
    }

    /** All reasons that apply, joined; empty when the order may go on. */
    public static Optional<String> evaluate(OrderFacts facts, List<HoldRule> rules) {
        List<String> reasons = new ArrayList<>();
        if (!facts.unknownSkus().isEmpty()) {
            reasons.add("unknown SKU: " + String.join(", ", facts.unknownSkus()));
        }
        for (HoldRule rule : rules) {
            switch (rule.kind()) {
                case BUYER_REMARK -> remark(facts.buyerRemark(), rule.matchValue(), "buyer remark").ifPresent(reasons::add);
                case SELLER_REMARK -> remark(facts.sellerRemark(), rule.matchValue(), "seller remark").ifPresent(reasons::add);
                case AMOUNT_OVER -> {
                    long limit = Long.parseLong(rule.matchValue());
                    if (facts.amountFen() > limit) {
                        reasons.add(String.format(Locale.ROOT, "amount ¥%.2f over the review limit ¥%.2f", facts.amountFen() / 100.0, limit / 100.0));
                    }
                }
                case ADDRESS_CHANGE -> {
                    // applied when the platform reports the change, not at routing
                }
            }
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    private static Optional<String> remark(String remark, String keyword, String what) {
        if (remark == null || remark.isBlank()) {
            return Optional.empty();
        }
        if (keyword == null || keyword.isBlank()) {
            return Optional.of(what + " to read: \"" + abbreviate(remark) + "\"");
        }
        if (remark.toLowerCase(Locale.ROOT).contains(keyword.toLowerCase(Locale.ROOT))) {
            return Optional.of(what + " mentions \"" + keyword + "\"");
        }
        return Optional.empty();
    }

    private static String abbreviate(String s) {
        String t = s.strip();
        return t.codePointCount(0, t.length()) <= 30 ? t : t.substring(0, t.offsetByCodePoints(0, 30)) + "…";
    }
}
