package io.fahuo.shared.print;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Fits text into a width, for any font: the caller says how wide a string is. Breaks at any character,
 * because Chinese has no spaces to break at.
 */
public final class TextFit {

    public static final String ELLIPSIS = "…";

    private TextFit() {
    }

    /**
     * Lines that each fit {@code maxWidth}. A line breaks after its last space when it has one (so "SKU×3"
     * stays whole), otherwise at the character that no longer fits; a single character wider than the width
     * gets a line of its own. Spaces at a break are dropped.
     */
    public static List<String> wrap(String text, double maxWidth, ToDoubleFunction<String> width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int cp : text.codePoints().toArray()) {
            line.appendCodePoint(cp);
            if (line.length() > Character.charCount(cp) && width.applyAsDouble(line.toString()) > maxWidth) {
                int atChar = line.length() - Character.charCount(cp);
                int space = line.lastIndexOf(" ", atChar - 1);
                boolean wordFits = space > 0 && width.applyAsDouble(line.substring(space + 1)) <= maxWidth;
                int breakAt = wordFits ? space + 1 : atChar;
                lines.add(line.substring(0, breakAt).stripTrailing());
                String rest = line.substring(breakAt).stripLeading();
                line.setLength(0);
                line.append(rest);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The text if it fits, otherwise as much of it as fits followed by "…". */
    public static String ellipsize(String text, double maxWidth, ToDoubleFunction<String> width) {
        return width.applyAsDouble(text) <= maxWidth ? text : cutWithEllipsis(text, maxWidth, width);
    }

    /**
     * At most {@code maxLines} wrapped lines; when the text needs more, the last line ends with "…" so a
     * reader sees that something was cut.
     */
    public static List<String> wrap(String text, double maxWidth, int maxLines, ToDoubleFunction<String> width) {
        List<String> lines = wrap(text, maxWidth, width);
        if (lines.size() <= maxLines) {
            return lines;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, Math.max(0, maxLines)));
        if (!kept.isEmpty()) {
            int last = kept.size() - 1;
            kept.set(last, cutWithEllipsis(kept.get(last), maxWidth, width));
        }
        return kept;
    }

    private static String cutWithEllipsis(String text, double maxWidth, ToDoubleFunction<String> width) {
        String cut = text;
        while (!cut.isEmpty() && width.applyAsDouble(cut + ELLIPSIS) > maxWidth) {
            cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
        }
        return cut + ELLIPSIS;
    }
}
