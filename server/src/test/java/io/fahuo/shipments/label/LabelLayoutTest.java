package io.fahuo.shipments.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.fahuo.shipments.domain.LabelData;
import io.fahuo.shipments.domain.LabelSize;

/** The layout every renderer draws: regions in order, nothing outside its region, whatever the text. */
class LabelLayoutTest {

    private static final double EPSILON = 1e-6;

    record Output(String name, LabelLayout.Device device) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> outputsSizesAndLabels() {
        List<Output> outputs = List.of(
                new Output("pdf", PdfLabelRenderer.DEVICE),
                new Output("zpl-203", new LabelLayout.Device(PrinterFont.scalable(8), 1.0 / 8)),
                new Output("zpl-300", new LabelLayout.Device(PrinterFont.scalable(12), 1.0 / 12)),
                new Output("tspl-203", new LabelLayout.Device(PrinterFont.bitmap24(8), 1.0 / 8)),
                new Output("tspl-300", new LabelLayout.Device(PrinterFont.bitmap24(12), 1.0 / 12)));
        List<Arguments> all = new ArrayList<>();
        for (Output output : outputs) {
            for (LabelSize size : LabelSize.values()) {
                all.add(Arguments.of(output, size, "typical", LabelSamples.label("73100000000001", "浙江省杭州市西湖区西溪街道文三路****")));
                all.add(Arguments.of(output, size, "worst case", LabelSamples.worstCase("YT1234567890123")));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("outputsSizesAndLabels")
    void everythingStaysInsideItsRegionAndTheRegionsInsideThePage(Output output, LabelSize size, String kind, LabelData label) {
        LabelLayout.Layout layout = LabelLayout.of(label, size, output.device());

        assertThat(layout.regions()).extracting(LabelLayout.Region::name)
                .containsExactly("header", "destination", "barcode", "package", "receiver", "sender", "contents", "footer");
        double previousBottom = LabelLayout.MARGIN_MM;
        for (LabelLayout.Region r : layout.regions()) {
            assertThat(r.top()).as(r.name()).isCloseTo(previousBottom, org.assertj.core.data.Offset.offset(EPSILON));
            assertThat(r.bottom()).as(r.name()).isGreaterThan(r.top());
            previousBottom = r.bottom();
        }
        assertThat(previousBottom).isLessThanOrEqualTo(size.heightMm() - LabelLayout.MARGIN_MM + EPSILON);

        for (LabelLayout.Element e : layout.elements()) {
            if (e.region().equals("page")) {
                assertThat(e.left()).isGreaterThanOrEqualTo(0);
                assertThat(e.right()).isLessThanOrEqualTo(size.widthMm() + EPSILON);
                continue;
            }
            LabelLayout.Region r = layout.regions().stream().filter(x -> x.name().equals(e.region())).findFirst().orElseThrow();
            assertThat(e.left()).as("%s left", e).isGreaterThanOrEqualTo(LabelLayout.MARGIN_MM - EPSILON);
            assertThat(e.right()).as("%s right", e).isLessThanOrEqualTo(size.widthMm() - LabelLayout.MARGIN_MM + EPSILON);
            assertThat(e.top()).as("%s top", e).isGreaterThanOrEqualTo(r.top() - EPSILON);
            assertThat(e.bottom()).as("%s bottom", e).isLessThanOrEqualTo(r.bottom() + EPSILON);
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("outputsSizesAndLabels")
    void theBarcodeKeepsItsQuietZonesAndScannableModules(Output output, LabelSize size, String kind, LabelData label) {
        LabelLayout.Layout layout = LabelLayout.of(label, size, output.device());
        LabelLayout.Barcode bars = layout.elements().stream().filter(LabelLayout.Barcode.class::isInstance)
                .map(LabelLayout.Barcode.class::cast).findFirst().orElseThrow();

        assertThat(bars.content()).isEqualTo(label.trackingNumber());
        double quietZone = LabelLayout.QUIET_ZONE_MODULES * bars.moduleMm();
        assertThat(bars.left()).isGreaterThanOrEqualTo(quietZone);
        assertThat(bars.right()).isLessThanOrEqualTo(size.widthMm() - quietZone + EPSILON);
        // 0.25 mm is the narrowest bar a courier's scanner reads reliably off thermal paper
        assertThat(bars.moduleMm()).isGreaterThanOrEqualTo(0.25);
        assertThat(bars.height()).isGreaterThanOrEqualTo(12);
        double modulesInDots = bars.moduleMm() / output.device().dotMm();
        assertThat(modulesInDots).isCloseTo(Math.rint(modulesInDots), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(layout.texts()).anySatisfy(t -> assertThat(t.text().replace(" ", "")).isEqualTo(label.trackingNumber()));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("outputsSizesAndLabels")
    void textIsPrintableTruncatedVisiblyAndNeverLosesTheCount(Output output, LabelSize size, String kind, LabelData label) {
        LabelLayout.Layout layout = LabelLayout.of(label, size, output.device());
        var byRegion = layout.texts().stream().collect(Collectors.groupingBy(LabelLayout.Text::region,
                Collectors.mapping(LabelLayout.Text::text, Collectors.joining("|"))));

        for (LabelLayout.Text t : layout.texts()) {
            assertThat(output.device().metrics().printable(t.text())).as("printable as drawn").isEqualTo(t.text());
            assertThat(t.text()).doesNotContain("🏠", "✨", "\u0007").doesNotContainPattern("[\\uD800-\\uDFFF]");
        }
        assertThat(byRegion.get("contents")).startsWith("内件 共" + label.totalQuantity() + "件:");
        assertThat(byRegion.get("receiver")).startsWith("收|" + output.device().metrics().printable(label.receiverName()));
        assertThat(byRegion.get("receiver").replace("|", "")).contains(label.receiverAddress().substring(0, 12));
        assertThat(byRegion.get("footer")).contains("订单号");
        TextMetrics metrics = output.device().metrics();
        assertShownWhollyOrCutWithEllipsis(byRegion.get("receiver"), 2, metrics.printable(label.receiverAddress()));
        String items = metrics.printable(String.join("", label.contents().stream().map(i -> i.sku() + "×" + i.quantity()).toList()));
        assertShownWhollyOrCutWithEllipsis(byRegion.get("contents").replaceFirst("^内件 共\\d+件:", ""), 0, items);
        if (kind.equals("worst case") && size == LabelSize.S76X130 && output.name().equals("pdf")) {
            assertThat(byRegion.get("receiver")).endsWith("…");
            assertThat(byRegion.get("contents")).endsWith("…");
        }
        if (kind.equals("typical")) {
            assertThat(byRegion.get("destination")).contains(label.markDestination(), label.sortingCode());
        }
    }

    /** The region's lines after the first {@code skip} ones are the whole text, or a prefix of it ending in "…". */
    private static void assertShownWhollyOrCutWithEllipsis(String regionText, int skip, String full) {
        List<String> lines = List.of(regionText.split("\\|"));
        String shown = String.join("", lines.subList(skip, lines.size())).replace(" ", "");
        String expected = full.replace(" ", "");
        if (shown.endsWith("…")) {
            assertThat(expected).startsWith(shown.substring(0, shown.length() - 1)).isNotEqualTo(shown);
        } else {
            assertThat(shown).isEqualTo(expected);
        }
    }

    /** The layout sizes the QR code without choosing its mask; the symbol drawn (best mask) must be just as wide. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"7", "73100000000001", "YT1234567890123", "SF1234567890123-这是中文",
            "https://fahuo.io/t/7359100000001?x=0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz",
            "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"})
    void qrWidthWithoutMaskChoiceIsTheDrawnSymbolsWidth(String content) {
        assertThat(LabelLayout.qrModules(content)).isEqualTo(LabelLayout.qrMatrix(content).getWidth());
    }
}
