package io.fahuo.couriers.domain;

/** The courier's answer to an interception request: accepted, or refused with its own code and words. */
public record InterceptOutcome(boolean accepted, String code, String message) {
}
