package io.fahuo.shared.print;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * The CJK font that ships inside Fahuo (WenQuanYi Micro Hei, Apache-2.0, see
 * {@code fonts/wqy-microhei.LICENSE.txt}), so labels and pick lists print Chinese on a machine without
 * fonts. It carries Latin glyphs too (from Droid Sans), so one font draws a whole document.
 * Parsed once per thread: a parsed font is not safe to share between threads.
 */
public final class CjkFont {

    private record Parsed(TrueTypeFont font, CmapLookup cmap, float unitsPerEm) {
    }

    private static final byte[] BYTES = load();
    private static final ThreadLocal<Parsed> PER_THREAD = ThreadLocal.withInitial(CjkFont::parse);

    private CjkFont() {
    }

    public static TrueTypeFont current() {
        return PER_THREAD.get().font();
    }

    /**
     * Replaces what the font cannot draw (emoji, some rare characters) with '?', turns line breaks and tabs
     * into spaces and drops other control characters, so a document never fails on a buyer's creative address.
     */
    public static String printable(String text) {
        CmapLookup cmap = PER_THREAD.get().cmap();
        return Printable.filter(text, cp -> cmap.getGlyphId(cp) > 0);
    }

    /** Width of already printable text, in ems (multiply by the font size). */
    public static float widthEm(String printable) {
        Parsed p = PER_THREAD.get();
        float units = 0;
        try {
            for (int cp : printable.codePoints().toArray()) {
                units += p.font().getAdvanceWidth(p.cmap().getGlyphId(cp));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return units / p.unitsPerEm();
    }

    private static Parsed parse() {
        try {
            TrueTypeCollection collection = new TrueTypeCollection(new ByteArrayInputStream(BYTES));
            TrueTypeFont font = collection.getFontByName("WenQuanYiMicroHei");
            if (font == null) {
                throw new IllegalStateException("WenQuanYiMicroHei not found in the bundled collection");
            }
            return new Parsed(font, font.getUnicodeCmapLookup(), font.getUnitsPerEm());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse the label font", e);
        }
    }

    private static byte[] load() {
        try (InputStream in = CjkFont.class.getResourceAsStream("/fonts/wqy-microhei.ttc")) {
            if (in == null) {
                throw new IllegalStateException("label font missing from the build: fonts/wqy-microhei.ttc");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
