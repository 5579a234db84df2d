package io.fahuo.shared.print;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

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
     * The font cut down to the characters of {@code texts} (already {@link #printable}), embedded in {@code doc}.
     * Cutting first and embedding the small font whole costs a fraction of letting PDFBox embed the full font as a
     * subset, which walks all of its ~30,000 glyphs for every document (widths, CID map): a label's PDF renders
     * about twice as fast (bench). Only the given texts can be drawn with it.
     */
    public static PDType0Font subsetFor(PDDocument doc, Iterable<String> texts) {
        try {
            TTFSubsetter subsetter = new TTFSubsetter(current());
            subsetter.add(' ');
            for (String text : texts) {
                text.codePoints().forEach(subsetter::add);
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(64 * 1024);
            subsetter.writeToStream(out);
            TrueTypeFont small = new TTFParser().parse(new RandomAccessReadBuffer(out.toByteArray()));
            doc.registerTrueTypeFontForClosing(small);
            return PDType0Font.load(doc, small, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot cut the label font", e);
        }
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
