package io.fahuo.couriers.domain;

/**
 * Who Fahuo talks to for a waybill: an aggregator, a carrier's own API, or a sales platform that issues
 * carriers' waybills to its shops ({@code DOUYIN}: 抖音电子面单, an account bound to one Douyin shop).
 */
public enum CourierProvider {
    KDNIAO, SF, DOUYIN
}
