package io.fahuo.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.fahuo.printing.domain.PrintCount;
import io.fahuo.simulator.printer.RawPrinterSimulator;
import io.fahuo.support.ApiClient;
import io.fahuo.support.Fixtures;
import io.fahuo.support.IntegrationTest;
import io.fahuo.support.LabelDecoder;
import io.fahuo.support.ThermalPreview;
import tools.jackson.databind.JsonNode;

/**
 * The print flow through the API, on shipments the pipeline really shipped: jobs of at most 50 labels with a
 * merged PDF each, reprints only with a reason, raw printers fed by durable jobs (the simulated printer
 * records what it got), pick lists, every label format, and tenants kept apart.
 */
class PrintingApiTest extends IntegrationTest {

    record Parcel(long orderId, long shipmentId, String trackingNumber) {
    }

    private static Fixtures.Merchant merchant;
    private static List<Parcel> parcels;

    @Autowired
    RawPrinterSimulator printerSimulator;

    @Autowired
    PrintJobs printJobs;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** One merchant with fourteen shipped parcels, shared by the tests; each test prints parcels of its own. */
    private List<Parcel> parcels() {
        if (parcels == null) {
            merchant = fixtures.merchant("printing", Fixtures.Options.standard());
            parcels = shipped(merchant, 14);
        }
        return parcels;
    }

    private ApiClient api() {
        parcels();
        return api(merchant.token());
    }

    @Test
    void aSelectionBecomesJobsOfTheAskedSizeEachWithOneMergedPdf() throws IOException {
        List<Parcel> selection = parcels().subList(0, 5);
        ApiClient.Response created = api().post("/api/v1/print-jobs", "{\"shipmentIds\":" + ids(selection) + ",\"labelsPerJob\":2}");

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode jobs = created.json().path("jobs");
        assertThat(jobs.valueStream().map(j -> j.path("labelCount").asInt()).toList()).containsExactly(2, 2, 1);
        assertThat(created.json().path("skipped").isEmpty()).isTrue();
        int index = 0;
        for (JsonNode job : jobs) {
            assertThat(job.path("status").stringValue()).isEqualTo("QUEUED");
            assertThat(job.path("format").stringValue()).isEqualTo("pdf");
            ApiClient.Response document = api().get(job.path("documentUrl").stringValue());
            assertThat(document.contentType()).isEqualTo("application/pdf");
            int pages = LabelDecoder.pageCount(document.body());
            assertThat(pages).isEqualTo(job.path("labelCount").asInt());
            for (int page = 0; page < pages; page++, index++) {
                String tracking = selection.get(index).trackingNumber();
                assertThat(job.path("labels").get(page).path("trackingNumber").stringValue()).isEqualTo(tracking);
                assertThat(LabelDecoder.barcodes(LabelDecoder.page(document.body(), page, 203))).contains("CODE_128:" + tracking);
            }
            JsonNode after = api().getJson("/api/v1/print-jobs/" + job.path("id").asLong());
            assertThat(after.path("status").stringValue()).isEqualTo("SENT");
            assertThat(after.path("sentAt").isNull()).isFalse();
        }
        assertThat(index).isEqualTo(5);
    }

    @Test
    void aPrintedLabelIsLeftOutUnlessAReprintReasonIsGivenAndReprintsAreCounted() {
        List<Parcel> selection = parcels().subList(5, 7);
        assertThat(api().post("/api/v1/print-jobs", "{\"shipmentIds\":" + ids(selection) + "}").status()).isEqualTo(201);

        ApiClient.Response again = api().post("/api/v1/print-jobs", "{\"shipmentIds\":" + ids(selection) + "}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().path("detail").stringValue()).startsWith("nothing to print: ").contains("already printed in print job",
                "give a reprint reason");
        assertThat(again.json().path("skipped")).hasSize(2);

        ApiClient.Response reprint = api().post("/api/v1/print-jobs",
                "{\"shipmentIds\":" + ids(selection) + ",\"reprintReason\":\"卡纸, 标签撕坏\",\"format\":\"zpl\",\"size\":\"100x150\"}");
        assertThat(reprint.status()).isEqualTo(201);
        JsonNode job = reprint.json().path("jobs").get(0);
        assertThat(job.path("reprints").asInt()).isEqualTo(2);
        assertThat(job.path("reprintReason").stringValue()).isEqualTo("卡纸, 标签撕坏");
        assertThat(job.path("labels").valueStream().map(l -> l.path("printNo").asInt() + ":" + l.path("reprint").asBoolean()).toList())
                .containsExactly("2:true", "2:true");
        String zpl = api().get(job.path("documentUrl").stringValue()).text();
        assertThat(zpl).startsWith("^XA^CI28^PW800^LL1200").contains(selection.get(0).trackingNumber(), selection.get(1).trackingNumber());

        Map<Long, PrintCount> counts = printJobs.printCounts(merchant.tenantId(), selection.stream().map(Parcel::shipmentId).toList());
        assertThat(counts.values()).containsOnly(new PrintCount(2, 1));
    }

    @Test
    void aLabelVoidedAfterTheJobWasMadeIsNotPrinted() {
        List<Parcel> selection = parcels().subList(12, 14);
        JsonNode job = api().post("/api/v1/print-jobs", "{\"shipmentIds\":" + ids(selection) + "}").json().path("jobs").get(0);
        // the end state of a cancellation path (waybill cancelled with the courier), whatever led there
        jdbc.sql("update shipment set status = 'CANCELLED' where tenant_id = ? and id = ?")
                .params(merchant.tenantId(), selection.get(1).shipmentId()).update();

        ApiClient.Response document = api().get(job.path("documentUrl").stringValue());

        assertThat(LabelDecoder.pageCount(document.body())).isEqualTo(1);
        assertThat(LabelDecoder.barcodes(LabelDecoder.page(document.body(), 0, 203))).contains("CODE_128:" + selection.get(0).trackingNumber());
        JsonNode after = api().getJson("/api/v1/print-jobs/" + job.path("id").asLong());
        assertThat(after.path("status").stringValue()).isEqualTo("SENT");
        assertThat(after.path("lastError").stringValue()).isEqualTo("not printed, void since the job was made: " + selection.get(1).trackingNumber());
    }

    @Test
    void concurrentBatchesNeverPrintTheSameLabelTwice() throws Exception {
        long shipmentId = parcels().get(11).shipmentId();
        int racers = 6;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(racers);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(racers);
        try {
            List<java.util.concurrent.Future<io.fahuo.printing.domain.PrintOutcome>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return printJobs.create(merchant.tenantId(),
                            io.fahuo.printing.domain.PrintRequest.pdf(List.of(shipmentId), io.fahuo.shipments.domain.LabelSize.S76X130, "racer"));
                }));
            }
            int jobs = 0;
            for (var result : results) {
                var outcome = result.get(30, java.util.concurrent.TimeUnit.SECONDS);
                jobs += outcome.jobs().size();
                outcome.skipped().forEach(skip -> assertThat(skip.reason()).startsWith("already printed in print job"));
            }
            assertThat(jobs).isEqualTo(1);
            assertThat(printJobs.printCounts(merchant.tenantId(), List.of(shipmentId))).containsEntry(shipmentId, new PrintCount(1, 0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRawPrinterGetsTheLabelsThroughADurableJob() {
        List<Parcel> selection = parcels().subList(7, 9);
        long printerId = addPrinter("打包台 1 号", "tspl", printerSimulator.port(), false);

        ApiClient.Response created = api().post("/api/v1/print-jobs", "{\"shipmentIds\":" + ids(selection) + ",\"printerId\":" + printerId + "}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode job = created.json().path("jobs").get(0);
        assertThat(job.path("format").stringValue()).isEqualTo("tspl");
        assertThat(job.path("printerName").stringValue()).isEqualTo("打包台 1 号");

        long jobId = job.path("id").asLong();
        await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(api().getJson("/api/v1/print-jobs/" + jobId).path("status").stringValue()));
        RawPrinterSimulator.Received got = received(selection.get(0).trackingNumber());
        assertThat(got.language()).isEqualTo("TSPL");
        assertThat(got.labels()).isEqualTo(2);
        assertThat(got.text()).startsWith("SIZE 76 mm,130 mm\r\nGAP 2 mm,0 mm\r\n").contains("CLS\r\n", "\"TSS24.BF2\"", "BARCODE ",
                "\"128\"", "QRCODE ", selection.get(1).trackingNumber(), "PRINT 1,1\r\n");
        List<ThermalPreview.Label> printed = ThermalPreview.tspl(got.bytes(), 203);
        assertThat(LabelDecoder.barcodes(ThermalPreview.draw(printed.get(1)))).contains("CODE_128:" + selection.get(1).trackingNumber());
        assertThat(timeline(api(), selection.get(0).orderId(), "PRINT")).anySatisfy(m -> assertThat(m).contains("OK", "打包台 1 号", "print job " + jobId));
    }

    @Test
    void anUnreachablePrinterFailsTheJobNamingThePrinterAndARetrySendsIt() throws IOException {
        Parcel parcel = parcels().get(9);
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        long printerId = addPrinter("打包台 2 号", "zpl", closedPort, false);

        long jobId = api().post("/api/v1/print-jobs", "{\"shipmentIds\":[" + parcel.shipmentId() + "],\"printerId\":" + printerId + "}")
                .json().path("jobs").get(0).path("id").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(api().getJson("/api/v1/print-jobs/" + jobId).path("status").stringValue()));
        JsonNode failed = api().getJson("/api/v1/print-jobs/" + jobId);
        assertThat(failed.path("attempts").asInt()).isEqualTo(5);
        assertThat(failed.path("lastError").stringValue()).startsWith("printer '打包台 2 号' (127.0.0.1:" + closedPort + "): ").contains("refused");
        assertThat(timeline(api(), parcel.orderId(), "PRINT")).anySatisfy(m -> assertThat(m).startsWith("ERROR label not printed, print job " + jobId));
        // a failed job holds no label: a batch would print it again
        assertThat(printJobs.printCounts(merchant.tenantId(), List.of(parcel.shipmentId()))).isEmpty();

        assertThat(api().put("/api/v1/printers/" + printerId, printerJson("打包台 2 号", "zpl", printerSimulator.port(), false)).status()).isEqualTo(200);
        ApiClient.Response retried = api().post("/api/v1/print-jobs/" + jobId + "/retry", "");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().path("status").stringValue()).isEqualTo("QUEUED");
        await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(api().getJson("/api/v1/print-jobs/" + jobId).path("status").stringValue()));
        RawPrinterSimulator.Received got = received(parcel.trackingNumber());
        assertThat(got.language()).isEqualTo("ZPL");
        assertThat(got.text()).startsWith("^XA^CI28^PW608^LL1040").contains("^FD" + parcel.trackingNumber() + "^FS", "^BQN,2,", "^XZ");
        assertThat(api().post("/api/v1/print-jobs/" + jobId + "/retry", "").status()).isEqualTo(409);
    }

    @Test
    void aWarehousePrinterWithAutoPrintPrintsEveryNewLabel() {
        Fixtures.Merchant m = fixtures.merchant("auto-print", Fixtures.Options.standard());
        ApiClient api = api(m.token());
        ApiClient.Response printer = api.post("/api/v1/printers", "{\"warehouseId\":" + m.warehouseId() + ",\"name\":\"自动打印\",\"language\":\"zpl\","
                + "\"dpi\":300,\"size\":\"100x150\",\"host\":\"127.0.0.1\",\"port\":" + printerSimulator.port() + ",\"autoPrint\":true}");
        assertThat(printer.status()).as(printer.text()).isEqualTo(201);

        List<Parcel> shipped = shipped(m, 2);

        for (Parcel p : shipped) {
            await().atMost(Duration.ofSeconds(20)).until(() -> printerSimulator.received().stream().anyMatch(r -> r.text().contains(p.trackingNumber())));
            assertThat(received(p.trackingNumber()).text()).startsWith("^XA^CI28^PW1200^LL1800");
            assertThat(timeline(api, p.orderId(), "LABEL")).anySatisfy(msg -> assertThat(msg).contains("print job", "queued"));
        }
        JsonNode jobs = api.getJson("/api/v1/print-jobs");
        assertThat(jobs).hasSize(2).allSatisfy(j -> {
            assertThat(j.path("requestedBy").stringValue()).isEqualTo("auto-print");
            assertThat(j.path("labelCount").asInt()).isEqualTo(1);
        });
        // the labels are printed, so a batch over them prints nothing
        assertThat(api.post("/api/v1/print-jobs", "{\"shipmentIds\":" + ids(shipped) + "}").status()).isEqualTo(409);
    }

    @Test
    void requestsThatCannotBeSplitAsAskedAreRefusedNamingTheLimit() {
        List<Parcel> any = parcels().subList(0, 1);
        Map<String, String> badRequests = Map.of(
                "{\"shipmentIds\":" + ids(any) + ",\"labelsPerJob\":51}", "a print job holds at most 50 labels",
                "{\"shipmentIds\":" + ids(any) + ",\"labelsPerJob\":0}", "labelsPerJob must be between 1 and 50",
                "{\"shipmentIds\":" + tooMany() + "}", "at most 500 shipments (10 jobs of 50 labels)",
                "{\"shipmentIds\":[]}", "shipmentIds must name at least one shipment",
                "{}", "shipmentIds is required",
                "{\"shipmentIds\":" + ids(any) + ",\"format\":\"gif\"}", "format must be one of pdf, zpl, tspl",
                "{\"shipmentIds\":" + ids(any) + ",\"format\":\"pdf\",\"dpi\":300}", "a pdf has no resolution",
                "{\"shipmentIds\":" + ids(any) + ",\"format\":\"zpl\",\"dpi\":600}", "dpi must be one of [203, 300]",
                "{\"shipmentIds\":" + ids(any) + ",\"reprintReason\":\"" + "x".repeat(301) + "\"}", "at most 300 characters");
        badRequests.forEach((body, detail) -> {
            ApiClient.Response r = api().post("/api/v1/print-jobs", body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.contentType()).as(body).startsWith("application/problem+json");
            assertThat(r.json().path("detail").stringValue()).as(body).contains(detail);
        });
        long printerId = addPrinter("只打 TSPL", "tspl", printerSimulator.port(), false);
        ApiClient.Response mismatch = api().post("/api/v1/print-jobs", "{\"shipmentIds\":" + ids(any) + ",\"printerId\":" + printerId + ",\"format\":\"zpl\"}");
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.json().path("detail").stringValue()).contains("'只打 TSPL'", "speaks tspl; it cannot print zpl");
        assertThat(api().post("/api/v1/print-jobs", "{\"shipmentIds\":" + ids(any) + ",\"printerId\":424242}").status()).isEqualTo(404);
        ApiClient.Response unknown = api().post("/api/v1/print-jobs", "{\"shipmentIds\":[987654321]}");
        assertThat(unknown.status()).isEqualTo(409);
        assertThat(unknown.json().path("skipped").get(0).path("reason").stringValue()).isEqualTo("no shipment 987654321");
        for (String printerBody : List.of("{\"warehouseId\":" + merchant.warehouseId() + ",\"name\":\"x\",\"language\":\"pdf\",\"size\":\"76x130\",\"host\":\"h\"}",
                "{\"warehouseId\":" + merchant.warehouseId() + ",\"name\":\"x\",\"language\":\"zpl\",\"size\":\"76x130\",\"host\":\"h\",\"port\":70000}",
                "{\"warehouseId\":" + merchant.warehouseId() + ",\"name\":\"x\",\"language\":\"zpl\",\"size\":\"76x130\",\"host\":\"h\",\"writeTimeoutMs\":5}",
                "{\"warehouseId\":1,\"name\":\"x\",\"language\":\"zpl\",\"size\":\"76x130\",\"host\":\"h\"}")) {
            ApiClient.Response r = api().post("/api/v1/printers", printerBody);
            assertThat(r.status()).as(printerBody).isEqualTo(400);
            assertThat(r.json().path("detail").stringValue()).as(printerBody).isNotBlank();
        }
    }

    @Test
    void theLabelEndpointSpeaksEveryFormatSizeAndResolution() {
        Parcel p = parcels().get(0);
        String base = "/api/v1/shipments/" + p.shipmentId() + "/label";

        ApiClient.Response zpl = api().get(base + "?format=zpl&size=100x150&dpi=300");
        assertThat(zpl.status()).isEqualTo(200);
        assertThat(zpl.contentType()).isEqualTo("text/plain;charset=UTF-8");
        List<ThermalPreview.Label> zplLabels = ThermalPreview.zpl(zpl.body());
        assertThat(zplLabels.get(0).widthDots()).isEqualTo(1200);
        assertThat(LabelDecoder.barcodes(ThermalPreview.draw(zplLabels.get(0)))).contains("CODE_128:" + p.trackingNumber());

        ApiClient.Response tspl = api().get(base + "?format=tspl&size=76x130");
        assertThat(tspl.contentType()).isEqualTo("text/plain;charset=GBK");
        assertThat(new String(tspl.body(), Charset.forName("GBK"))).startsWith("SIZE 76 mm,130 mm").contains("\"TSS24.BF2\"", "测试商家");
        assertThat(LabelDecoder.barcodes(ThermalPreview.draw(ThermalPreview.tspl(tspl.body(), 203).get(0)))).contains("CODE_128:" + p.trackingNumber());

        for (String size : List.of("76x130", "100x150", "100x180")) {
            ApiClient.Response pdf = api().get(base + "?format=pdf&size=" + size);
            assertThat(pdf.contentType()).isEqualTo("application/pdf");
            assertThat(LabelDecoder.barcodes(LabelDecoder.page(pdf.body(), 0, 203))).contains("CODE_128:" + p.trackingNumber());
        }
        for (String bad : List.of("?format=pdf&dpi=203", "?format=zpl&dpi=600", "?format=tspl&size=4x6", "?format=epl")) {
            ApiClient.Response r = api().get(base + bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.contentType()).as(bad).startsWith("application/problem+json");
        }
    }

    @Test
    void aPickListGroupsTheBatchBySkuAlongTheBins() throws IOException {
        List<Parcel> selection = parcels().subList(0, 5);
        Map<String, String> bins = Map.of("FH-TEE-WHT-M", "A-01-02", "FH-TEE-BLK-L", "A-01-03", "FH-MUG-350", "B-02-01", "FH-SOCK-3P", "C-01-01");
        String binsUrl = "/api/v1/warehouses/" + merchant.warehouseId() + "/bin-locations/";
        assertThat(api().put(binsUrl + "FH-TEE-WHT-M", "{\"bin\":\"Z-99-99\"}").status()).isEqualTo(204);
        bins.forEach((sku, bin) -> assertThat(api().put(binsUrl + sku, "{\"bin\":\"" + bin + "\"}").status()).isEqualTo(204));
        assertThat(api().put(binsUrl + "FH-TEE-WHT-M", "{\"bin\":\" \"}").status()).isEqualTo(400);
        Map<String, Integer> expected = new java.util.TreeMap<>();
        for (Parcel p : selection) {
            api().getJson("/api/v1/orders/" + p.orderId()).path("lines")
                    .forEach(l -> expected.merge(l.path("skuCode").stringValue(), l.path("quantity").asInt(), Integer::sum));
        }

        ApiClient.Response pdf = api().post("/api/v1/pick-lists", "{\"shipmentIds\":" + ids(selection) + "}");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        String text = text(pdf.body());
        assertThat(text).contains("拣货单", "5 个包裹", "共 " + expected.values().stream().mapToInt(Integer::intValue).sum() + " 件", "按包裹核对");
        for (Parcel p : selection) {
            assertThat(text).contains(p.trackingNumber());
        }
        // one line per SKU of the batch: its bin (or none), its total; walked in bin order, SKUs without a bin last
        List<String> pickLines = text.lines().filter(l -> l.matches("^([A-Z]-\\d\\d-\\d\\d|\\(未设库位\\)) FH-.*")).toList();
        assertThat(pickLines).hasSize(expected.size());
        List<String> binsInOrder = new ArrayList<>();
        for (String line : pickLines) {
            String[] cells = line.split(" ");
            String sku = cells[1];
            assertThat(cells[0]).as(line).isEqualTo(bins.getOrDefault(sku, "(未设库位)"));
            assertThat(line).as(line).endsWith(" " + expected.get(sku) + " " + cells[cells.length - 1]);
            binsInOrder.add(cells[0].replace("(未设库位)", "~"));
        }
        assertThat(binsInOrder).isSorted();
        assertThat(api().post("/api/v1/pick-lists", "{\"shipmentIds\":[123456789]}").status()).isEqualTo(400);
    }

    @Test
    void platformPrintComponentTasksLeaveOutCourierWaybillsWithTheReason() {
        Parcel p = parcels().get(0);
        ApiClient.Response r = api().post("/api/v1/print-component-tasks", "{\"shipmentIds\":[" + p.shipmentId() + "]}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("tasks").isEmpty()).isTrue();
        assertThat(r.json().path("skipped").get(0).path("reason").stringValue())
                .isEqualTo("waybill " + p.trackingNumber() + " was not issued through a platform print component; print its label as pdf, zpl or tspl");
    }

    @Test
    void anotherTenantSeesNoneOfIt() {
        long jobId = api().post("/api/v1/print-jobs", "{\"shipmentIds\":" + ids(parcels().subList(10, 11)) + "}")
                .json().path("jobs").get(0).path("id").asLong();
        long printerId = addPrinter("私有", "zpl", printerSimulator.port(), false);
        Fixtures.Merchant other = fixtures.merchant("printing-other", Fixtures.Options.standard());
        ApiClient theirs = api(other.token());

        assertThat(theirs.get("/api/v1/print-jobs/" + jobId).status()).isEqualTo(404);
        assertThat(theirs.get("/api/v1/print-jobs/" + jobId + "/document").status()).isEqualTo(404);
        assertThat(theirs.get("/api/v1/printers/" + printerId).status()).isEqualTo(404);
        assertThat(theirs.getJson("/api/v1/print-jobs").isEmpty()).isTrue();
        ApiClient.Response foreign = theirs.post("/api/v1/print-jobs", "{\"shipmentIds\":" + ids(parcels().subList(10, 11)) + "}");
        assertThat(foreign.status()).isEqualTo(409);
        assertThat(foreign.json().path("skipped").get(0).path("reason").stringValue()).startsWith("no shipment");
    }

    private long addPrinter(String name, String language, int port, boolean autoPrint) {
        ApiClient.Response r = api().post("/api/v1/printers", printerJson(name, language, port, autoPrint));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private String printerJson(String name, String language, int port, boolean autoPrint) {
        return "{\"warehouseId\":" + merchant.warehouseId() + ",\"name\":\"" + name + "\",\"language\":\"" + language + "\",\"size\":\"76x130\","
                + "\"host\":\"127.0.0.1\",\"port\":" + port + ",\"connectTimeoutMs\":500,\"writeTimeoutMs\":2000,\"autoPrint\":" + autoPrint + "}";
    }

    private RawPrinterSimulator.Received received(String trackingNumber) {
        return printerSimulator.received().stream().filter(r -> r.text().contains(trackingNumber)).reduce((a, b) -> b).orElseThrow();
    }

    /** The order's timeline entries of one step, as "OUTCOME message". */
    private static List<String> timeline(ApiClient api, long orderId, String step) {
        return api.getJson("/api/v1/orders/" + orderId).path("timeline").valueStream()
                .filter(t -> step.equals(t.path("step").stringValue()))
                .map(t -> t.path("outcome").stringValue() + " " + t.path("message").stringValue()).toList();
    }

    private List<Parcel> shipped(Fixtures.Merchant m, int count) {
        sim().createOrders(m.platformShopId(), count, Map.of());
        ApiClient api = api(m.token());
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.getJson("/api/v1/orders?status=SHIPPED&size=50").path("total").asInt() == count);
        List<Parcel> out = new ArrayList<>();
        for (JsonNode order : api.getJson("/api/v1/orders?size=50").path("items")) {
            JsonNode shipment = api.getJson("/api/v1/orders/" + order.path("id").asLong()).path("shipments").get(0);
            out.add(new Parcel(order.path("id").asLong(), shipment.path("id").asLong(), shipment.path("trackingNumber").stringValue()));
        }
        return out;
    }

    private static String ids(List<Parcel> selection) {
        return selection.stream().map(p -> String.valueOf(p.shipmentId())).collect(Collectors.joining(",", "[", "]"));
    }

    private static String tooMany() {
        return java.util.stream.LongStream.rangeClosed(1, 501).mapToObj(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
