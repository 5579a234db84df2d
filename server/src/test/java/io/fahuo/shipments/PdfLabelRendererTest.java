package io.fahuo.shipments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.fahuo.shipments.domain.LabelData;
import io.fahuo.shipments.domain.LabelSize;
import io.fahuo.shipments.domain.LabelSpec;
import io.fahuo.shipments.label.PdfLabelRenderer;
import io.fahuo.support.LabelDecoder;

/** A label that does not scan is a parcel that does not move: every size must read back its number. */
class PdfLabelRendererTest {

    static LabelData label(String tracking, String address) {
        return new LabelData(tracking, "中通快递", "杭州 西湖 D11", "311-J11-11", "浙江杭州转运中心", "李*", "138****1234",
                address, "发货演示旗舰店", "057*****6666", "浙江省杭州市余杭区文一西路1500号",
                List.of(new LabelData.Item("FH-TEE-WHT-M", 2), new LabelData.Item("FH-MUG-350", 1), new LabelData.Item("FH-SOCK-3P", 3),
                        new LabelData.Item("FH-CASE-IP15", 1), new LabelData.Item("FH-TEE-BLK-L", 4)),
                "6921234567890123456", Instant.parse("2026-11-23T10:00:00Z"), tracking);
    }

    @ParameterizedTest
    @EnumSource(LabelSize.class)
    void barcodeReadsBackTheTrackingNumberAtThermalPrinterResolution(LabelSize size) {
        byte[] pdf = new PdfLabelRenderer().render(List.of(label("73100000000001", "浙江省杭州市西湖区西溪街道文三路****")), LabelSpec.pdf(size));
        assertThat(LabelDecoder.pageCount(pdf)).isEqualTo(1);
        List<String> codes = LabelDecoder.barcodes(LabelDecoder.page(pdf, 0, 203));
        assertThat(codes).contains("CODE_128:73100000000001", "QR_CODE:73100000000001");
    }

    @ParameterizedTest
    @EnumSource(LabelSize.class)
    void longAddressesEmojiAndRareCharactersDoNotBreakTheLabel(LabelSize size) {
        String address = "新疆维吾尔自治区乌鲁木齐市天山区燕儿窝街道新华南路****(近地铁站B口,从东门进入后右转第二个路口左转,"
                + "走到底看到蓝色大门的快递驿站旁边的单元楼) 🏠✨ 𠀀 \u0007";
        byte[] pdf = new PdfLabelRenderer().render(List.of(label("YT1234567890123", address), label("SF1234567890123", "短地址")), LabelSpec.pdf(size));
        assertThat(LabelDecoder.pageCount(pdf)).isEqualTo(2);
        assertThat(LabelDecoder.barcodes(LabelDecoder.page(pdf, 0, 203))).contains("CODE_128:YT1234567890123");
        assertThat(LabelDecoder.barcodes(LabelDecoder.page(pdf, 1, 203))).contains("CODE_128:SF1234567890123");
    }
}
