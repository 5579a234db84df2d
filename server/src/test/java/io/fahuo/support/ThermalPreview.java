package io.fahuo.support;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

/**
 * Plays a thermal printer for tests: reads the ZPL or TSPL bytes Fahuo sends (as bytes, with their charset
 * and escapes), places every field where the printer would, and paints it into a bitmap at the printer's
 * own resolution — bars and QR modules of the commanded width, text in full-width (Chinese) and half-width
 * (ASCII) cells. Covers the commands Fahuo emits; an unknown command fails the test rather than being
 * skipped. Decoding the bitmap proves the symbols fit the label, keep their quiet zones and are not
 * overprinted by text.
 */
public final class ThermalPreview {

    public enum Kind { TEXT, BOX, CODE128, QR }

    /** One printed field in printer dots; {@code width}/{@code height} is the area it covers. */
    public record Field(Kind kind, int x, int y, int width, int height, int module, String data) {
    }

    public record Label(int widthDots, int heightDots, List<Field> fields) {
        public List<Field> fields(Kind kind) {
            return fields.stream().filter(f -> f.kind() == kind).toList();
        }

        /** Fields that would not fit on the label (a printer clips them). */
        public List<Field> offTheLabel() {
            return fields.stream().filter(f -> f.x() < 0 || f.y() < 0 || f.x() + f.width() > widthDots || f.y() + f.height() > heightDots)
                    .toList();
        }
    }

    private static final Charset GBK = Charset.forName("GBK");
    private static final Font FONT = loadFont();

    private ThermalPreview() {
    }

    /** ZPL II as Fahuo writes it: one label per {@code ^XA…^XZ}, UTF-8 field data with {@code ^FH\} escapes. */
    public static List<Label> zpl(byte[] bytes) {
        String all = new String(bytes, StandardCharsets.UTF_8);
        List<Label> labels = new ArrayList<>();
        int start = all.indexOf("^XA");
        while (start >= 0) {
            int end = all.indexOf("^XZ", start);
            if (end < 0) {
                throw new AssertionError("a ZPL format starts with ^XA but never ends with ^XZ");
            }
            labels.add(zplLabel(all.substring(start + 3, end)));
            start = all.indexOf("^XA", end);
        }
        return labels;
    }

    private static Label zplLabel(String format) {
        int width = 0;
        int height = 0;
        int x = 0;
        int y = 0;
        int module = 2;
        Kind pending = null;
        int size = 0;
        boolean hex = false;
        List<Field> fields = new ArrayList<>();
        for (String command : format.split("\\^")) {
            String line = command.replace("\n", "");
            if (line.isEmpty()) {
                continue;
            }
            String code = line.substring(0, 2);
            String[] p = line.substring(2).split(",", -1);
            switch (code) {
                case "CI", "LH", "PQ" -> { }
                case "PW" -> width = Integer.parseInt(p[0]);
                case "LL" -> height = Integer.parseInt(p[0]);
                case "FO" -> {
                    x = Integer.parseInt(p[0]);
                    y = Integer.parseInt(p[1]);
                }
                case "A@" -> {
                    pending = Kind.TEXT;
                    size = Integer.parseInt(p[1]);
                }
                case "GB" -> fields.add(new Field(Kind.BOX, x, y, Integer.parseInt(p[0]), Integer.parseInt(p[1]), 0, ""));
                case "BY" -> module = Integer.parseInt(p[0]);
                case "BC" -> {
                    pending = Kind.CODE128;
                    size = Integer.parseInt(p[1]);
                }
                case "BQ" -> {
                    pending = Kind.QR;
                    size = Integer.parseInt(p[2]);
                }
                case "FH" -> hex = true;
                case "FD" -> {
                    String data = line.substring(2);
                    if (hex) {
                        data = unhex(data);
                    }
                    fields.add(field(pending, x, y, size, module, data, Cells.INSTANCE));
                }
                case "FS" -> {
                    pending = null;
                    hex = false;
                }
                default -> throw new AssertionError("the preview does not know ZPL command ^" + code);
            }
        }
        return new Label(width, height, fields);
    }

    /** TSPL as Fahuo writes it: GBK bytes, CRLF lines, one label per {@code CLS … PRINT}. */
    public static List<Label> tspl(byte[] bytes, int dpi) {
        String all = new String(bytes, GBK);
        if (all.replace("\r\n", "").contains("\n")) {
            throw new AssertionError("TSPL lines must end with CRLF");
        }
        int dotsPerMm = dpi == 300 ? 12 : 8; // what "203 dpi" and "300 dpi" printers really have
        int width = 0;
        int height = 0;
        List<Label> labels = new ArrayList<>();
        List<Field> fields = null;
        for (String line : all.split("\r\n")) {
            int space = line.indexOf(' ');
            String command = space < 0 ? line : line.substring(0, space);
            List<String> p = space < 0 ? List.of() : params(line.substring(space + 1));
            switch (command) {
                case "SIZE" -> {
                    width = (int) Math.round(mm(p.get(0)) * dotsPerMm);
                    height = (int) Math.round(mm(p.get(1)) * dotsPerMm);
                }
                case "GAP" -> { }
                case "CLS" -> fields = new ArrayList<>();
                case "TEXT" -> {
                    int m = Integer.parseInt(p.get(4));
                    fields.add(field(Kind.TEXT, i(p.get(0)), i(p.get(1)), 24 * m, 0, p.get(6), Cells.INSTANCE));
                }
                case "BAR" -> fields.add(new Field(Kind.BOX, i(p.get(0)), i(p.get(1)), i(p.get(2)), i(p.get(3)), 0, ""));
                case "BARCODE" -> fields.add(field(Kind.CODE128, i(p.get(0)), i(p.get(1)), i(p.get(3)), i(p.get(6)), p.get(8), Cells.INSTANCE));
                case "QRCODE" -> fields.add(field(Kind.QR, i(p.get(0)), i(p.get(1)), i(p.get(3)), 0, "MA," + p.get(6), Cells.INSTANCE));
                case "PRINT" -> labels.add(new Label(width, height, List.copyOf(fields)));
                default -> throw new AssertionError("the preview does not know TSPL command " + command);
            }
        }
        return labels;
    }

    /** Paints a label; white paper, black dots. */
    public static BufferedImage draw(Label label) {
        BufferedImage image = new BufferedImage(label.widthDots(), label.heightDots(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        for (Field f : label.fields()) {
            switch (f.kind()) {
                case BOX -> g.fillRect(f.x(), f.y(), f.width(), f.height());
                case CODE128 -> {
                    BitMatrix bars = code128(f.data());
                    for (int i = 0; i < bars.getWidth(); i++) {
                        if (bars.get(i, 0)) {
                            g.fillRect(f.x() + i * f.module(), f.y(), f.module(), f.height());
                        }
                    }
                }
                case QR -> {
                    ByteMatrix m = qr(f.data());
                    for (int row = 0; row < m.getHeight(); row++) {
                        for (int col = 0; col < m.getWidth(); col++) {
                            if (m.get(col, row) == 1) {
                                g.fillRect(f.x() + col * f.module(), f.y() + row * f.module(), f.module(), f.module());
                            }
                        }
                    }
                }
                case TEXT -> {
                    g.setFont(FONT.deriveFont((float) f.height()));
                    g.drawString(f.data(), f.x(), f.y() + Math.round(f.height() * 0.86f));
                }
            }
        }
        g.dispose();
        return image;
    }

    private static Field field(Kind kind, int x, int y, int size, int module, String data, Cells cells) {
        if (kind == null) {
            throw new AssertionError("field data without a field type: " + data);
        }
        return switch (kind) {
            case TEXT -> new Field(kind, x, y, cells.width(data, size), size, 0, data);
            case CODE128 -> new Field(kind, x, y, code128(data).getWidth() * module, size, module, data);
            case QR -> {
                if (!data.startsWith("MA,")) {
                    throw new AssertionError("QR field data must start with error correction M and automatic input: " + data);
                }
                String content = data.substring(3);
                int modules = qr(content).getWidth();
                yield new Field(kind, x, y, modules * size, modules * size, size, content);
            }
            case BOX -> throw new AssertionError("a box has no field data");
        };
    }

    /** Chinese fills a square cell, ASCII half of it (TSS24.BF2 and the ZPL CJK fonts alike). */
    private enum Cells {
        INSTANCE;

        int width(String text, int height) {
            return (int) Math.round(text.codePoints().mapToDouble(cp -> cp < 0x80 ? 0.5 : 1.0).sum() * height);
        }
    }

    private static BitMatrix code128(String data) {
        return new Code128Writer().encode(data, BarcodeFormat.CODE_128, 0, 1, Map.of(EncodeHintType.MARGIN, 0));
    }

    private static ByteMatrix qr(String data) {
        try {
            return Encoder.encode(data, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8")).getMatrix();
        } catch (WriterException e) {
            throw new AssertionError(e);
        }
    }

    /** Undoes {@code ^FH\} escapes: backslash and two hex digits are one byte of the UTF-8 data. */
    private static String unhex(String data) {
        byte[] raw = data.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[raw.length];
        int n = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\\' && i + 2 < raw.length) {
                out[n++] = (byte) HexFormat.fromHexDigits(new String(raw, i + 1, 2, StandardCharsets.US_ASCII));
                i += 2;
            } else {
                out[n++] = raw[i];
            }
        }
        return new String(Arrays.copyOf(out, n), StandardCharsets.UTF_8);
    }

    /** Comma-separated parameters; a double-quoted one may contain commas. */
    private static List<String> params(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new AssertionError("unterminated string in TSPL: " + text);
        }
        out.add(current.toString().strip());
        return out;
    }

    private static double mm(String value) {
        return Double.parseDouble(value.replace("mm", "").strip());
    }

    private static int i(String value) {
        return Integer.parseInt(value.strip());
    }

    private static Font loadFont() {
        try (InputStream in = ThermalPreview.class.getResourceAsStream("/fonts/wqy-microhei.ttc")) {
            return Font.createFonts(in)[0];
        } catch (IOException | FontFormatException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
