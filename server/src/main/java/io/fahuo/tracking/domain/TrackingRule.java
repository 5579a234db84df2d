package io.fahuo.tracking.domain;

import java.time.Duration;

/** A tenant's rule for one exception kind: whether it is raised, and after how long. */
public record TrackingRule(ExceptionKind kind, boolean enabled, Duration threshold) {

    public TrackingRule {
        if (threshold.isNegative()) {
            throw new IllegalArgumentException("a rule's threshold cannot be negative");
        }
    }
}
