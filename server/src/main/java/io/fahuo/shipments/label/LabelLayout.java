package io.fahuo.shipments.label;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;

import io.fahuo.shared.print.TextFit;
import io.fahuo.shipments.domain.LabelData;
import io.fahuo.shipments.domain.LabelSize;

/**
 * Where everything goes on a label, in millimetres from the top-left corner, after GB/T 41833-2022
 * 《快递电子运单》: header (carrier, print time), destination region (大头笔 and the three-segment sorting
 * code), barcode region (Code128 of the tracking number with its digits), 集包地, receiver region (masked),
 * sender region, contents region, and a footer with the QR code, order number and the signature field.
 * <p>
 * Every region has a fixed height (taller stock gives its extra height to the receiver, contents and
 * footer); text is wrapped and truncated with the output's own {@link TextMetrics}, so nothing ever leaves
 * its region — on a PDF and on a printer with a bitmap font alike. Bars and QR modules are whole printer
 * dots, so they print sharp.
 */
final class LabelLayout {

    static final double MARGIN_MM = 2;
    /** A Code128 symbol needs a quiet zone of 10 modules on each side. */
    static final int QUIET_ZONE_MODULES = 10;
    static final double MAX_MODULE_MM = 0.5;
    static final double RULE_MM = 0.25;
    private static final DateTimeFormatter PRINT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    /** The output a layout is made for: its text metrics and the size of one printer dot in millimetres. */
    record Device(TextMetrics metrics, double dotMm) {
    }

    sealed interface Element permits Text, Box, Barcode, Qr {
        /** The region the element belongs to ("page" for the rules between regions). */
        String region();

        double left();

        double top();

        double right();

        double bottom();
    }

    /** One line of printable text; {@code size} is the character height the output really uses. */
    record Text(String region, double x, double top, double size, String text, double width) implements Element {
        public double left() {
            return x;
        }

        public double right() {
            return x + width;
        }

        public double bottom() {
            return top + size;
        }
    }

    /** A filled rectangle: the rules between regions. */
    record Box(String region, double x, double top, double width, double height) implements Element {
        public double left() {
            return x;
        }

        public double right() {
            return x + width;
        }

        public double bottom() {
            return top + height;
        }
    }

    /** A Code128 symbol of {@code modules} modules of {@code moduleMm} each (quiet zones not included). */
    record Barcode(String region, double x, double top, double moduleMm, int modules, double height, String content)
            implements Element {
        public double left() {
            return x;
        }

        public double right() {
            return x + moduleMm * modules;
        }

        public double bottom() {
            return top + height;
        }
    }

    /** A QR code (model 2, error correction M) of {@code modules}×{@code modules} modules, without quiet zone. */
    record Qr(String region, double x, double top, double moduleMm, int modules, String content) implements Element {
        public double left() {
            return x;
        }

        public double right() {
            return x + moduleMm * modules;
        }

        public double bottom() {
            return top + moduleMm * modules;
        }
    }

    /** A horizontal band of the label, across the printable width. */
    record Region(String name, double top, double bottom) {
    }

    record Layout(LabelSize size, List<Region> regions, List<Element> elements) {
        List<Text> texts() {
            return elements.stream().filter(Text.class::isInstance).map(Text.class::cast).toList();
        }

    }

    private final LabelSize size;
    private final Device device;
    private final TextMetrics metrics;
    private final double width;
    private final double innerRight;
    /** Text on 100 mm wide stock is a fifth larger: same number of characters per line, easier to read. */
    private final double scale;
    private final List<Region> regions = new ArrayList<>();
    private final List<Element> elements = new ArrayList<>();

    private LabelLayout(LabelSize size, Device device) {
        this.size = size;
        this.device = device;
        this.metrics = device.metrics();
        this.width = size.widthMm();
        this.innerRight = width - MARGIN_MM;
        this.scale = width >= 100 ? 1.2 : 1.0;
    }

    static Layout of(LabelData label, LabelSize size, Device device) {
        return new LabelLayout(size, device).layOut(label);
    }

    private Layout layOut(LabelData l) {
        // the base heights below, with a 26 mm footer, add up to 24 + 98 × scale; taller stock gives what is left
        // to the bars, the receiver and the contents, and the rest to the footer
        double extra = size.heightMm() - 2 * MARGIN_MM - (24 + 98 * scale);
        double y = MARGIN_MM;
        y = header(l, y, 7 * scale);
        y = destination(l, y, 15 * scale);
        y = barcode(l, y, 24 + 0.2 * extra);
        y = packageCenter(l, y, 6 * scale);
        y = receiver(l, y, 22 * scale + 0.3 * extra);
        y = sender(l, y, 11 * scale);
        y = contents(l, y, 11 * scale + 0.2 * extra);
        footer(l, y, size.heightMm() - MARGIN_MM);
        return new Layout(size, List.copyOf(regions), List.copyOf(elements));
    }

    private double header(LabelData l, double top, double height) {
        Region r = region("header", top, top + height);
        String time = metrics.printable(PRINT_TIME.format(l.printedAt()));
        double timeSize = actual(2.3);
        double timeWidth = metrics.widthMm(time, timeSize);
        add(new Text(r.name(), innerRight - timeWidth, centred(r, timeSize), timeSize, time, timeWidth));
        line(r, MARGIN_MM, centred(r, actual(4.2)), 4.2, l.carrierName(), innerRight - timeWidth - 2 - MARGIN_MM);
        return r.bottom();
    }

    private double destination(LabelData l, double top, double height) {
        Region r = region("destination", top, top + height);
        double bottom = r.bottom() - 0.5;
        if (notBlank(l.sortingCode())) {
            double sortSize = actual(3.5);
            line(r, MARGIN_MM, bottom - sortSize, 3.5, l.sortingCode(), innerWidth());
            bottom -= sortSize + 0.5;
        }
        String mark = metrics.printable(notBlank(l.markDestination()) ? l.markDestination() : "—");
        double requested = Math.min(8 * scale, bottom - r.top() - 0.5) / scale;
        while (requested > 4 && metrics.widthMm(mark, actual(requested)) > innerWidth()) {
            requested -= 0.5;
        }
        double markSize = actual(requested);
        line(r, MARGIN_MM, Math.max(r.top() + 0.5, (r.top() + bottom - markSize) / 2), requested, mark, innerWidth());
        return r.bottom();
    }

    private double barcode(LabelData l, double top, double height) {
        Region r = region("barcode", top, top + height);
        String number = l.trackingNumber();
        double numberSize = actual(3.5);
        double numberTop = r.bottom() - 0.8 - numberSize;
        double barsTop = r.top() + 1.5;
        double barsHeight = numberTop - 1 - barsTop;
        int modules = code128Modules(number);
        double module = dots(Math.min(MAX_MODULE_MM, innerWidth() / (modules + 2.0 * QUIET_ZONE_MODULES)));
        double barsWidth = module * modules;
        add(new Barcode(r.name(), dots((width - barsWidth) / 2), barsTop, module, modules, barsHeight, number));
        String spaced = metrics.printable(spaced(number));
        double spacedWidth = metrics.widthMm(spaced, numberSize);
        add(new Text(r.name(), (width - spacedWidth) / 2, numberTop, numberSize, spaced, spacedWidth));
        return r.bottom();
    }

    private double packageCenter(LabelData l, double top, double height) {
        Region r = region("package", top, top + height);
        double textSize = actual(3.2);
        line(r, MARGIN_MM, centred(r, textSize), 3.2, "集包地 " + (notBlank(l.packageCenter()) ? l.packageCenter() : "—"), innerWidth());
        return r.bottom();
    }

    private double receiver(LabelData l, double top, double height) {
        Region r = region("receiver", top, top + height);
        double indent = tag(r, "收", 4.5);
        double nameSize = actual(3.6);
        double y = r.top() + 1;
        line(r, indent, y, 3.6, l.receiverName() + "  " + l.receiverPhone(), innerRight - indent);
        y += nameSize + 1;
        paragraph(r, indent, y, 3.2, l.receiverAddress());
        return r.bottom();
    }

    private double sender(LabelData l, double top, double height) {
        Region r = region("sender", top, top + height);
        double indent = tag(r, "寄", 3.6);
        double nameSize = actual(2.6);
        double y = r.top() + 1;
        line(r, indent, y, 2.6, l.senderName() + "  " + l.senderPhone(), innerRight - indent);
        paragraph(r, indent, y + nameSize + 0.6, 2.6, l.senderAddress());
        return r.bottom();
    }

    /** Whole SKU×quantity entries; the total count is always shown, so a truncated list loses no number. */
    private double contents(LabelData l, double top, double height) {
        Region r = region("contents", top, top + height);
        String items = l.contents().stream().map(i -> i.sku() + "×" + i.quantity()).collect(Collectors.joining("  "));
        paragraph(r, MARGIN_MM, r.top() + 1, 2.6, "内件 共" + l.totalQuantity() + "件: " + items);
        return r.bottom();
    }

    private void footer(LabelData l, double top, double bottom) {
        Region r = region("footer", top, bottom);
        double x = MARGIN_MM;
        int modules = qrModules(l.qrContent());
        double target = Math.min(20 * scale, r.bottom() - r.top() - 2);
        double module = dots(target / modules);
        if (module * modules >= 8) {
            add(new Qr(r.name(), x, r.top() + 1, module, modules, l.qrContent()));
            x += module * modules + 2;
        }
        double labelSize = actual(2.6);
        double y = r.top() + 1;
        line(r, x, y, 2.6, "订单号", innerRight - x);
        y += labelSize + 0.6;
        line(r, x, y, 2.8, notBlank(l.orderNumber()) ? l.orderNumber() : "—", innerRight - x);
        y += actual(2.8) + 2;
        if (y + actual(3) <= r.bottom()) {
            line(r, x, y, 3, "签收:", innerRight - x);
        }
    }

    /** The region's tag character ("收", "寄") at the left; returns where the region's text starts. */
    private double tag(Region r, String tag, double requested) {
        double tagSize = actual(requested);
        double tagWidth = metrics.widthMm(tag, tagSize);
        add(new Text(r.name(), MARGIN_MM, r.top() + 1, tagSize, tag, tagWidth));
        return MARGIN_MM + tagWidth + 1.5;
    }

    /** One line, truncated with "…" to {@code maxWidth}. */
    private void line(Region r, double x, double top, double requested, String text, double maxWidth) {
        double textSize = actual(requested);
        if (top + textSize > r.bottom()) {
            return;
        }
        String fitted = TextFit.ellipsize(metrics.printable(text), maxWidth, s -> metrics.widthMm(s, textSize));
        add(new Text(r.name(), x, top, textSize, fitted, metrics.widthMm(fitted, textSize)));
    }

    /** Wrapped lines from {@code top} down to the region's bottom; the last line shows "…" when text was cut. */
    private void paragraph(Region r, double x, double top, double requested, String text) {
        double textSize = actual(requested);
        double lineHeight = textSize + 0.5;
        int maxLines = (int) Math.floor((r.bottom() - top) / lineHeight);
        double maxWidth = innerRight - x;
        List<String> lines = TextFit.wrap(metrics.printable(text), maxWidth, maxLines, s -> metrics.widthMm(s, textSize));
        double y = top;
        for (String line : lines) {
            add(new Text(r.name(), x, y, textSize, line, metrics.widthMm(line, textSize)));
            y += lineHeight;
        }
    }

    /** The character height the output uses for a size requested for 76 mm stock. */
    private double actual(double requestedMm) {
        return metrics.actualSize(requestedMm * scale);
    }

    private Region region(String name, double top, double bottom) {
        Region r = new Region(name, top, bottom);
        if (!regions.isEmpty()) {
            add(new Box("page", 0, top - RULE_MM / 2, width, RULE_MM));
        }
        regions.add(r);
        return r;
    }

    private void add(Element e) {
        elements.add(e);
    }

    private double innerWidth() {
        return innerRight - MARGIN_MM;
    }

    private static double centred(Region r, double textSize) {
        return r.top() + (r.bottom() - r.top() - textSize) / 2;
    }

    /** Rounds a length down to whole printer dots (at least one). */
    private double dots(double mm) {
        return Math.max(1, Math.floor(mm / device.dotMm() + 1e-9)) * device.dotMm();
    }

    static int code128Modules(String content) {
        return code128Bars(content).getWidth();
    }

    /**
     * The QR symbol's width in modules. It depends on the content and error correction only, so the mask is fixed
     * here: choosing the best of eight masks was three quarters of a ZPL label's rendering time (bench).
     */
    static int qrModules(String content) {
        try {
            return Encoder.encode(content, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8",
                    EncodeHintType.QR_MASK_PATTERN, 0)).getMatrix().getWidth();
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode QR content", e);
        }
    }

    /** The Code128 symbol, one column per module (ZXing picks code sets the way the printers' "auto" modes do). */
    static BitMatrix code128Bars(String content) {
        return new Code128Writer().encode(content, BarcodeFormat.CODE_128, 0, 1, Map.of(EncodeHintType.MARGIN, 0));
    }

    /** The QR matrix (error correction M, UTF-8), one cell per module. */
    static com.google.zxing.qrcode.encoder.ByteMatrix qrMatrix(String content) {
        try {
            return Encoder.encode(content, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8")).getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode QR content", e);
        }
    }

    /** The tracking number in groups of four, as couriers print it under the bars. */
    static String spaced(String number) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < number.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append(' ');
            }
            out.append(number.charAt(i));
        }
        return out.toString();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
