package io.fahuo.inventory.domain;

public enum WarehouseKind {
    OWN, OVERSEAS, THIRD_PARTY, FACTORY
}
