package io.fahuo.shipments.label;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * The CJK font that ships inside Fahuo (WenQuanYi Micro Hei, Apache-2.0, see
 * {@code fonts/wqy-microhei.LICENSE.txt}), so labels print Chinese on a machine without fonts. It carries
 * Latin glyphs too (from Droid Sans), so one font draws a whole label.
 * Parsed once per thread: a parsed font is not safe to share between threads.
 */
public final class LabelFont {

    private static final byte[] BYTES = load();
    private static final ThreadLocal<TrueTypeFont> PER_THREAD = ThreadLocal.withInitial(LabelFont::parse);

    private LabelFont() {
    }

    public static TrueTypeFont current() {
        return PER_THREAD.get();
    }

    /**
     * Replaces what the font cannot draw (emoji, some rare characters, control characters) so a label never
     * fails on a buyer's creative address.
     */
    public static String printable(String text) {
        if (text == null) {
            return "";
        }
        CmapLookup cmap;
        try {
            cmap = current().getUnicodeCmapLookup();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                out.append(' ');
            } else if (Character.isISOControl(cp) || cp == 0xFE0F || cp == 0x200D) {
                // variation selectors and joiners belong to emoji that are replaced anyway
            } else if (cmap.getGlyphId(cp) > 0) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static TrueTypeFont parse() {
        try {
            TrueTypeCollection collection = new TrueTypeCollection(new java.io.ByteArrayInputStream(BYTES));
            TrueTypeFont font = collection.getFontByName("WenQuanYiMicroHei");
            if (font == null) {
                throw new IllegalStateException("WenQuanYiMicroHei not found in the bundled collection");
            }
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse the label font", e);
        }
    }

    private static byte[] load() {
        try (InputStream in = LabelFont.class.getResourceAsStream("/fonts/wqy-microhei.ttc")) {
            if (in == null) {
                throw new IllegalStateException("label font missing from the build: fonts/wqy-microhei.ttc");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
