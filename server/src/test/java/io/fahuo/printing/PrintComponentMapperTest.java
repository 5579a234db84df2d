package io.fahuo.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fahuo.printing.domain.PlatformPrintData;
import io.fahuo.printing.domain.PrintComponent;
import io.fahuo.support.Payloads;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Print-component tasks from platform print data. Vectors: the shape of a Douyin {@code logistics.waybillApply}
 * answer after the ByteDance SDKs ({@code waybill_infos[{order_id, track_no, print_data, sign}]}, values
 * illustrative) and the task an ISV sends to the Douyin component (content {@code params, signature,
 * encryptedData, templateURL}; the standard 76×130 template URL as used in a public ISV integration); a real
 * {@code cainiao.waybill.ii.query_by_waybillcode} answer for YT7596382757695 from a public Taobao client test,
 * and Cainiao's documented print-protocol example (requestID 123458976, taskID 7293666).
 */
class PrintComponentMapperTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DOUYIN_TEMPLATE = "https://sf3-ttcdn-tos.pstatp.com/obj/logistics-davinci/template/template_76.xml";
    private static final String DOUYIN_PARAMS = "app_key=7000000000000000001&method=logistics.getShopKey&param_json=%7B%7D"
            + "&timestamp=1763892000&v=2&sign=0c4f6a";

    @Test
    void douyinWaybillApplyPrintDataBecomesTheComponentsPrintCommand() {
        JsonNode info = JSON.readTree(Payloads.read("doudian/waybillApply-response.json")).path("data").path("waybill_infos").get(0);

        PlatformPrintData waybill = PrintComponentMapper.douyin(info.path("track_no").stringValue(), info.path("print_data").stringValue(),
                info.path("sign").stringValue(), DOUYIN_TEMPLATE, DOUYIN_PARAMS);
        Map<String, Object> task = PrintComponentMapper.printTask(PrintComponent.DOUYIN, "FH1001", "FH1002", "Gprinter GP-1324D", false,
                List.of(waybill));

        assertThat(waybill.component().websocketUrl()).isEqualTo("ws://localhost:13888");
        assertThat((JsonNode) JSON.valueToTree(task)).isEqualTo(JSON.readTree(Payloads.read("doudian/print-component-task.json")));
        // the key order of the platform's examples is kept, for people comparing messages by eye
        assertThat(JSON.writeValueAsString(task)).startsWith("{\"cmd\":\"print\",\"requestID\":\"FH1001\",\"version\":\"1.0\",\"task\":{\"taskID\"")
                .contains("\"contents\":[{\"params\":");
    }

    @Test
    void douyinParamsAreOptional() {
        PlatformPrintData waybill = PrintComponentMapper.douyin("73100000000001", "cipher", "sig", DOUYIN_TEMPLATE, null);
        assertThat(waybill.content()).containsOnlyKeys("encryptedData", "signature", "templateURL");
    }

    @Test
    void cainiaoPrintDataIsTheDocumentContentAsIs() {
        JsonNode response = JSON.readTree(Payloads.read("cainiao/waybill-query-print-data.json"))
                .path("cainiao_waybill_ii_query_by_waybillcode_response").path("modules")
                .path("waybill_cloud_print_with_result_desc_response").get(0).path("waybill_cloud_print_response");
        String printData = response.path("print_data").stringValue();

        PlatformPrintData waybill = PrintComponentMapper.cainiao(response.path("waybill_code").stringValue(), printData);
        Map<String, Object> task = PrintComponentMapper.printTask(PrintComponent.CAINIAO, "123458976", "7293666", null, false, List.of(waybill));

        String encrypted = JSON.readTree(printData).path("encryptedData").stringValue();
        assertThat(encrypted).startsWith("AES:rU904rj6UH2oqfSUb43+Z199");
        String expected = Payloads.read("cainiao/print-component-task.json").replace("<the print_data's encryptedData>", encrypted);
        assertThat((JsonNode) JSON.valueToTree(task)).isEqualTo(JSON.readTree(expected));
        assertThat(waybill.component().websocketUrl()).isEqualTo("ws://localhost:13528");
    }

    @Test
    void incompletePrintDataIsRefusedWithTheMissingField() {
        assertThatThrownBy(() -> PrintComponentMapper.douyin("73100000000001", "cipher", " ", DOUYIN_TEMPLATE, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("sign is required");
        assertThatThrownBy(() -> PrintComponentMapper.cainiao("YT1", "not json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> PrintComponentMapper.cainiao("YT1", "{\"signature\":\"MD:x\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("templateURL and encryptedData");
    }

    @Test
    void oneTaskSpeaksToOneComponent() {
        PlatformPrintData douyin = PrintComponentMapper.douyin("73100000000001", "cipher", "sig", DOUYIN_TEMPLATE, null);
        PlatformPrintData cainiao = PrintComponentMapper.cainiao("YT7596382757695",
                "{\"data\":{\"waybillCode\":\"YT7596382757695\"},\"templateURL\":\"http://cloudprint.cainiao.com/template/standard/101\"}");

        assertThatThrownBy(() -> PrintComponentMapper.printTask(PrintComponent.DOUYIN, "r", "t", "", false, List.of(douyin, cainiao)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("YT7596382757695 belongs to the CAINIAO component");
        assertThatThrownBy(() -> PrintComponentMapper.printTask(PrintComponent.DOUYIN, "r", "t", "", false, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
