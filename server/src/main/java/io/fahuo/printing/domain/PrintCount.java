package io.fahuo.printing.domain;

/** How often a shipment's label went out: every print, and the reprints among them (each had a reason). */
public record PrintCount(int prints, int reprints) {

    public static final PrintCount NEVER = new PrintCount(0, 0);
}
