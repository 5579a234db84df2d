package io.fahuo.shared.print;

import java.util.function.IntPredicate;

/** Makes text safe for a printed document whose font (or printer charset) can draw only some characters. */
public final class Printable {

    /** What stands for a character that cannot be drawn. */
    public static final char REPLACEMENT = '?';

    private Printable() {
    }

    /**
     * Keeps what {@code drawable} accepts, replaces the rest with {@link #REPLACEMENT}, turns line breaks and
     * tabs into spaces and drops other control characters, emoji variation selectors and joiners (they belong
     * to emoji that are replaced anyway). Null becomes the empty string.
     */
    public static String filter(String text, IntPredicate drawable) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                out.append(' ');
            } else if (Character.isISOControl(cp) || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F)) {
                // invisible on paper
            } else if (drawable.test(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append(REPLACEMENT);
            }
        });
        return out.toString();
    }
}
