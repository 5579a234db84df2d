package io.fahuo.platforms.domain;

import io.fahuo.shared.Carrier;

/**
 * "This order left in this parcel": what a platform is told. Only built from a waybill a courier issued
 * to this tenant (or a courier-confirmed number), never from free text.
 */
public record ShippingConfirmation(String platformOrderId, Carrier carrier, String trackingNumber, String requestId) {
}
