package io.fahuo.couriers.domain;

/** Who Fahuo talks to for a waybill: an aggregator or a carrier's own API. */
public enum CourierProvider {
    KDNIAO, SF
}
