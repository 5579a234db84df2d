package io.fahuo.orders;

/**
 * The buyer's receiver address changed (or a change was requested) on the platform. Published by the
 * platform connectors' intake; the pipeline holds the order and, if a waybill exists, re-issues it.
 */
public record OrderAddressChanged(long tenantId, long orderId) {
}
