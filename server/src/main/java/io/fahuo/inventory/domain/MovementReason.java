package io.fahuo.inventory.domain;

public enum MovementReason {
    ORDER_RESERVE, RELEASE, SHIP, ADJUST, IMPORT, RETURN
}
