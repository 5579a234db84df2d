package io.fahuo.inventory.domain;

/** Where returned parcels of a warehouse go back to. */
public record ReturnAddress(String name, String phone, String address) {

    public static final ReturnAddress NONE = new ReturnAddress(null, null, null);
}
