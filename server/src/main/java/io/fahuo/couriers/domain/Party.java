package io.fahuo.couriers.domain;

/** A sender or receiver as a courier needs it, in clear; exists in memory only while a waybill is requested. */
public record Party(String name, String phone, String company, String province, String city, String district,
                   String address) {

    @Override
    public String toString() {
        return "Party[" + province + " " + city + " " + district + ", ***]";
    }
}
