package io.fahuo.shipments.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
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

class TsplLabelRendererTest {

    private static final Charset GBK = Charset.forName("GBK");
    private final TsplLabelRenderer renderer = new TsplLabelRenderer();

    static Stream<Arguments> sizesAndResolutions() {
        return Stream.of(LabelSize.values()).flatMap(size -> Stream.of(Arguments.of(size, 203), Arguments.of(size, 300)));
    }

    @ParameterizedTest(name = "{0} at {1} dpi")
    @MethodSource("sizesAndResolutions")
    void theCommandsAreGbkWithCrlfAndCarryTheNumber(LabelSize size, int dpi) {
        byte[] bytes = renderer.render(List.of(LabelSamples.label("73100000000001", "浙江省杭州市西湖区西溪街道文三路****")),
                new LabelSpec(LabelFormat.TSPL, size, dpi));
        String tspl = new String(bytes, GBK);

        assertThat(tspl).startsWith("SIZE " + size.widthMm() + " mm," + size.heightMm() + " mm\r\nGAP 2 mm,0 mm\r\nCLS\r\n")
                .endsWith("PRINT 1,1\r\n")
                .contains(",\"128\",", ",0,0,", ",\"73100000000001\"\r\n", "QRCODE ", ",M,", ",A,0,\"73100000000001\"\r\n",
                        ",\"TSS24.BF2\",0,", "\"浙江省杭州市西湖区西溪街道文三路****\"\r\n", "BAR ");
        assertThat(tspl.replace("\r\n", "")).doesNotContain("\n", "\r");
        // GBK, not UTF-8: 浙 is D5E3 in GBK
        assertThat(indexOf(bytes, new byte[] {(byte) 0xD5, (byte) 0xE3})).isPositive();
    }

    @ParameterizedTest(name = "{0} at {1} dpi")
    @MethodSource("sizesAndResolutions")
    void aPrinterReadsBackTheTrackingNumberFromEveryLabel(LabelSize size, int dpi) {
        byte[] tspl = renderer.render(List.of(LabelSamples.label("73100000000001", "短地址"), LabelSamples.worstCase("YT1234567890123")),
                new LabelSpec(LabelFormat.TSPL, size, dpi));

        List<ThermalPreview.Label> labels = ThermalPreview.tspl(tspl, dpi);
        assertThat(labels).hasSize(2);
        assertThat(LabelDecoder.barcodes(ThermalPreview.draw(labels.get(0)))).contains("CODE_128:73100000000001", "QR_CODE:73100000000001");
        assertThat(LabelDecoder.barcodes(ThermalPreview.draw(labels.get(1)))).contains("CODE_128:YT1234567890123", "QR_CODE:YT1234567890123");
        for (ThermalPreview.Label label : labels) {
            assertThat(label.offTheLabel()).isEmpty();
        }
    }

    @Test
    void quotesCannotEndTheStringAndWhatGbkCannotEncodeIsReplaced() {
        byte[] bytes = renderer.render(List.of(LabelSamples.worstCase("YT1234567890123")), new LabelSpec(LabelFormat.TSPL, LabelSize.S100X180, 203));
        String tspl = new String(bytes, GBK);

        assertThat(tspl).contains("”引号”").doesNotContain("\"引号\"");
        assertThat(tspl).doesNotContain("🏠", "😀", "𠀀", "𪚥").contains("?");
        // the text survives a round trip through GBK: nothing was encoded as the charset's own replacement byte
        assertThat(new String(tspl.getBytes(GBK), GBK)).isEqualTo(tspl);
        assertThat(ThermalPreview.tspl(bytes, 203).get(0).fields(ThermalPreview.Kind.TEXT))
                .anySatisfy(f -> assertThat(f.data()).contains("龘"));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
