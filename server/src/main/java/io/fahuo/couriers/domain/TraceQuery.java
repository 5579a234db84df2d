package io.fahuo.couriers.domain;

import io.fahuo.shared.Carrier;

/**
 * Which parcel to ask a courier about. {@code orderCode} is Fahuo's waybill key when Fahuo issued the number
 * (null for numbers entered by hand); {@code phoneTail} is the last four digits of the sender's phone, which
 * SF wants before it shows a trace to someone other than the issuing account.
 */
public record TraceQuery(Carrier carrier, String trackingNumber, String orderCode, String phoneTail) {
}
