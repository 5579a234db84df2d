package io.fahuo.shipments.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.fahuo.shipments.domain.LabelFormat;
import io.fahuo.shipments.domain.LabelSize;
import io.fahuo.shipments.domain.LabelSpec;
import io.fahuo.support.LabelDecoder;
import io.fahuo.support.ThermalPreview;

class ZplLabelRendererTest {

    private final ZplLabelRenderer renderer = new ZplLabelRenderer("E:ANMDS.TTF");

    static Stream<Arguments> sizesAndResolutions() {
        return Stream.of(LabelSize.values()).flatMap(size -> Stream.of(Arguments.of(size, 203), Arguments.of(size, 300)));
    }

    @ParameterizedTest(name = "{0} at {1} dpi")
    @MethodSource("sizesAndResolutions")
    void theCommandsCarryPageSizeBarcodeQrAndChineseFont(LabelSize size, int dpi) {
        String zpl = new String(renderer.render(List.of(LabelSamples.label("73100000000001", "浙江省杭州市西湖区西溪街道文三路****")),
                new LabelSpec(LabelFormat.ZPL, size, dpi)), StandardCharsets.UTF_8);

        int dotsPerMm = dpi == 203 ? 8 : 12;
        int width = size.widthMm() * dotsPerMm;
        int height = size.heightMm() * dotsPerMm;
        assertThat(zpl).startsWith("^XA^CI28^PW" + width + "^LL" + height).endsWith("^XZ\n")
                .contains("^BCN,", ",N,N,N,A^FH\\^FD73100000000001^FS", "^BQN,2,", "^FH\\^FDMA,73100000000001^FS",
                        "^A@N,", ",E:ANMDS.TTF^FH\\^FD浙江省杭州市西湖区西溪街道文三路****", "^FD李*  138****1234^FS", "^GB");
        if (dpi == 203 && size == LabelSize.S100X150) {
            assertThat(zpl).startsWith("^XA^CI28^PW800^LL1200");
        }
    }

    @ParameterizedTest(name = "{0} at {1} dpi")
    @MethodSource("sizesAndResolutions")
    void aPrinterReadsBackTheTrackingNumberFromEveryLabel(LabelSize size, int dpi) {
        byte[] zpl = renderer.render(List.of(LabelSamples.label("73100000000001", "短地址"), LabelSamples.worstCase("YT1234567890123")),
                new LabelSpec(LabelFormat.ZPL, size, dpi));

        List<ThermalPreview.Label> labels = ThermalPreview.zpl(zpl);
        assertThat(labels).hasSize(2);
        assertThat(LabelDecoder.barcodes(ThermalPreview.draw(labels.get(0)))).contains("CODE_128:73100000000001", "QR_CODE:73100000000001");
        assertThat(LabelDecoder.barcodes(ThermalPreview.draw(labels.get(1)))).contains("CODE_128:YT1234567890123", "QR_CODE:YT1234567890123");
        for (ThermalPreview.Label label : labels) {
            assertThat(label.widthDots()).isEqualTo(size.widthMm() * (dpi == 203 ? 8 : 12));
            assertThat(label.offTheLabel()).isEmpty();
        }
    }

    @Test
    void caretsAndTildesInAddressesCannotEndTheFieldOrStartACommand() {
        byte[] zpl = renderer.render(List.of(LabelSamples.worstCase("YT1234567890123")), new LabelSpec(LabelFormat.ZPL, LabelSize.S100X150, 203));
        String text = new String(zpl, StandardCharsets.UTF_8);

        assertThat(text).contains("\\5EXZ\\7EJR").doesNotContain("^XZ~JR");
        assertThat(text.split("\\^XZ", -1)).hasSize(2);
        String printed = String.join("", ThermalPreview.zpl(zpl).get(0).fields(ThermalPreview.Kind.TEXT).stream()
                .map(ThermalPreview.Field::data).toList());
        assertThat(printed).contains("三百米到^XZ~JR");
        // emoji and characters outside GBK are replaced, not sent as bytes the printer font cannot draw
        assertThat(text).doesNotContain("🏠", "😀", "𠀀").contains("?");
    }
}
