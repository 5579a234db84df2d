package io.fahuo.orders.domain;

/**
 * A receiver as stored: region in clear (it routes the parcel), name, phone and street detail only masked,
 * and {@code sensitive} the platform's own protected form (ciphertexts or, for platforms that send it,
 * plaintext) which Fahuo seals before storing.
 */
public record ReceiverSnapshot(String province, String city, String district, String street,
                               String nameMasked, String phoneMasked, String detailMasked, String sensitive) {

    /** Name, phone and address as a person may see them: masked parts only. */
    public String maskedText() {
        return String.join(" ", nz(nameMasked), nz(phoneMasked), nz(province) + nz(city) + nz(district) + nz(street) + nz(detailMasked)).strip();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
