package io.fahuo.bench;

/**
 * One measured figure beside the limit of the same machine in the same run. {@code ratio} is the share of the
 * limit reached: value ÷ limit where more is better, limit ÷ value where less is better (so 1.0 means "as fast as
 * the machine allows" either way). {@code target} is the goal; {@code limit} may be null where the machine
 * has no meaningful ceiling to measure (then only the target speaks).
 */
public record Figure(String phase, String id, String name, double value, String unit, boolean higherIsBetter,
                     Double limit, String limitName, Double target, String note) {

    public Double ratio() {
        if (limit == null || limit == 0 || value == 0) {
            return null;
        }
        return higherIsBetter ? value / limit : limit / value;
    }

    public Boolean targetMet() {
        if (target == null) {
            return null;
        }
        return higherIsBetter ? value >= target : value <= target;
    }

    static Figure more(String phase, String id, String name, double value, String unit) {
        return new Figure(phase, id, name, value, unit, true, null, null, null, null);
    }

    static Figure less(String phase, String id, String name, double value, String unit) {
        return new Figure(phase, id, name, value, unit, false, null, null, null, null);
    }

    Figure limit(Double limit, String limitName) {
        return new Figure(phase, id, name, value, unit, higherIsBetter, limit, limitName, target, note);
    }

    Figure target(double target) {
        return new Figure(phase, id, name, value, unit, higherIsBetter, limit, limitName, target, note);
    }

    Figure note(String note) {
        return new Figure(phase, id, name, value, unit, higherIsBetter, limit, limitName, target, note);
    }
}
