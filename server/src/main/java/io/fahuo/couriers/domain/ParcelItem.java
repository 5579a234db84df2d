package io.fahuo.couriers.domain;

public record ParcelItem(String name, String code, int quantity) {
}
