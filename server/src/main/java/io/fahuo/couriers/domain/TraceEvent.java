package io.fahuo.couriers.domain;

import java.time.Instant;

/**
 * One scan or status line of a courier's trace, as the courier wrote it ({@code text}, {@code place},
 * {@code courierCode}), with the normalised state it means ({@code state}, null when the line says nothing
 * about the state).
 */
public record TraceEvent(Instant at, String place, String text, String courierCode, ParcelState state) {
}
