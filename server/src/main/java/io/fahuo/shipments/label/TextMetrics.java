package io.fahuo.shipments.label;

/**
 * How text comes out on one kind of output: which characters it can draw, how wide they are and which sizes
 * exist. The layout wraps and truncates with these numbers, so text never runs past its region whatever the
 * renderer.
 */
interface TextMetrics {

    /** The text with everything this output cannot draw replaced. */
    String printable(String text);

    /** Width in millimetres of printable text at a character height of {@code sizeMm}. */
    double widthMm(String printable, double sizeMm);

    /** The character height this output really uses when asked for {@code requestedMm} (bitmap fonts come in steps). */
    double actualSize(double requestedMm);
}
