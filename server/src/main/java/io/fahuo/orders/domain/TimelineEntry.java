package io.fahuo.orders.domain;

import java.time.Instant;

/** One step of an order's life: what ran, how it ended, and on which attempt. */
public record TimelineEntry(Instant at, String step, Outcome outcome, String message, int attempt) {

    public enum Outcome { OK, ERROR, INFO }
}
