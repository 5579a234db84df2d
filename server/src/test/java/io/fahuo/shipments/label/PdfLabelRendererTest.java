package io.fahuo.shipments.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.fahuo.shipments.domain.LabelSize;
import io.fahuo.shipments.domain.LabelSpec;
import io.fahuo.support.LabelDecoder;

/** A label that does not scan is a parcel that does not move: every size must read back its number. */
class PdfLabelRendererTest {

    private final PdfLabelRenderer renderer = new PdfLabelRenderer();

    @ParameterizedTest
    @EnumSource(LabelSize.class)
    void barcodeReadsBackTheTrackingNumberAtThermalPrinterResolution(LabelSize size) {
        byte[] pdf = renderer.render(List.of(LabelSamples.label("73100000000001", "浙江省杭州市西湖区西溪街道文三路****")), LabelSpec.pdf(size));
        assertThat(LabelDecoder.pageCount(pdf)).isEqualTo(1);
        List<String> codes = LabelDecoder.barcodes(LabelDecoder.page(pdf, 0, 203));
        assertThat(codes).contains("CODE_128:73100000000001", "QR_CODE:73100000000001");
    }

    @ParameterizedTest
    @EnumSource(LabelSize.class)
    void longAddressesEmojiAndRareCharactersDoNotBreakTheLabel(LabelSize size) throws IOException {
        byte[] pdf = renderer.render(List.of(LabelSamples.worstCase("YT1234567890123"), LabelSamples.label("SF1234567890123", "短地址")),
                LabelSpec.pdf(size));
        assertThat(LabelDecoder.pageCount(pdf)).isEqualTo(2);
        assertThat(LabelDecoder.barcodes(LabelDecoder.page(pdf, 0, 203))).contains("CODE_128:YT1234567890123", "QR_CODE:YT1234567890123");
        assertThat(LabelDecoder.barcodes(LabelDecoder.page(pdf, 1, 203))).contains("CODE_128:SF1234567890123");

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDRectangle page = doc.getPage(0).getMediaBox();
            List<TextPosition> glyphs = glyphs(doc);
            assertThat(glyphs).hasSizeGreaterThan(200);
            for (TextPosition g : glyphs) {
                assertThat(g.getXDirAdj()).as("'%s' left", g.getUnicode()).isGreaterThanOrEqualTo(0);
                assertThat(g.getXDirAdj() + g.getWidthDirAdj()).as("'%s' right", g.getUnicode()).isLessThanOrEqualTo(page.getWidth());
                assertThat(g.getYDirAdj()).as("'%s' baseline", g.getUnicode()).isBetween(0f, page.getHeight());
            }
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("新疆维吾尔自治区", "内件 共820件").doesNotContain("🏠", "😀");
        }
    }

    private static List<TextPosition> glyphs(PDDocument doc) throws IOException {
        List<TextPosition> all = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                all.addAll(positions);
            }
        };
        stripper.setStartPage(1);
        stripper.setEndPage(1);
        stripper.writeText(doc, new StringWriter());
        return all;
    }
}
