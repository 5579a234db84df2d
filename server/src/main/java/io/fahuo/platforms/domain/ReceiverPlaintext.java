package io.fahuo.platforms.domain;

/** A receiver in clear, for the courier's waybill request only. Never stored, never logged. */
public record ReceiverPlaintext(String name, String phone, String province, String city, String district,
                                String street, String detail) {

    @Override
    public String toString() {
        return "ReceiverPlaintext[" + province + " " + city + " " + district + ", ***]";
    }
}
