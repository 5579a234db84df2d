package io.fahuo.bench;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.fahuo.shipments.LabelRenderer;
import io.fahuo.shipments.domain.LabelData;
import io.fahuo.shipments.domain.LabelFormat;
import io.fahuo.shipments.domain.LabelSize;
import io.fahuo.shipments.domain.LabelSpec;
import io.fahuo.shipments.label.PdfLabelRenderer;
import io.fahuo.shipments.label.ZplLabelRenderer;
import tools.jackson.databind.JsonNode;

/**
 * Labels: the product's renderers on one thread in this JVM (one 76×130 label per document, as the pipeline's
 * LABEL step renders it), then a 50-label print job fetched through the API of the running server.
 */
final class LabelPhase {

    /**
     * Rendering speed in the rendering thread's CPU time (labels per CPU-second: what one free core does), since on a
     * shared machine the wall clock mostly measures how much CPU the thread was given; the wall-clock rate is in the note.
     */
    static void renderers(Run run) {
        LabelSpec pdfSpec = LabelSpec.pdf(LabelSize.S76X130);
        LabelSpec zplSpec = new LabelSpec(LabelFormat.ZPL, LabelSize.S76X130, 203);
        PdfLabelRenderer pdf = new PdfLabelRenderer();
        ZplLabelRenderer zpl = new ZplLabelRenderer("E:ANMDS.TTF");
        double[] pdfRate = perSecond(pdf, pdfSpec, 4);
        run.add(Figure.more("labels", "labels.pdf", "PDF labels, one thread (76×130, one per document)", pdfRate[0], "labels/CPU-s")
                .target(500).note(String.format("%.0f labels/s by the wall clock", pdfRate[1])));
        double[] zplRate = perSecond(zpl, zplSpec, 3);
        run.add(Figure.more("labels", "labels.zpl", "ZPL labels, one thread (76×130, 203 dpi)", zplRate[0], "labels/CPU-s")
                .target(20_000).note(String.format("%.0f labels/s by the wall clock", zplRate[1])));
        List<LabelData> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(sample(i));
        }
        List<Double> cpu = new ArrayList<>();
        List<Double> wall = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long c0 = CPU.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            pdf.render(fifty, pdfSpec);
            if (i >= 2) {
                cpu.add((CPU.getCurrentThreadCpuTime() - c0) / 1e6);
                wall.add((System.nanoTime() - t0) / 1e6);
            }
        }
        run.add(Figure.less("labels", "labels.pdf50.render", "50-label PDF, renderer alone (p50, CPU time)", new Stats(cpu).percentile(50), "ms")
                .target(150).note(String.format("%.0f ms by the wall clock", new Stats(wall).percentile(50))));
    }

    /** A 50-label print job of real shipments: created through the API, its merged PDF fetched (rendered on demand). */
    static void printJob(Run run) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (var c = run.db.connect(); var ps = c.prepareStatement(
                "select id from shipment where tenant_id = ? and tracking_number is not null and status = 'SHIPPED' order by id desc limit 50")) {
            Db.bind(ps, Run.TENANT);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        if (ids.size() < 50) {
            Run.log("  only %d shipped parcels: no 50-label job", ids.size());
            return;
        }
        JsonNode created = run.api.postJson("/api/v1/print-jobs",
                "{\"shipmentIds\":" + ids + ",\"format\":\"pdf\",\"size\":\"76x130\",\"reprintReason\":\"bench\"}");
        long jobId = created.get("jobs").get(0).get("id").asLong();
        List<Double> times = new ArrayList<>();
        // the first fetches warm the server's rendering code up, as a server that has been printing all day has it
        for (int i = 0; i < 15; i++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = run.api.get("/api/v1/print-jobs/" + jobId + "/document");
            if (r.statusCode() != 200) {
                throw new IllegalStateException("print job document → " + r.statusCode());
            }
            if (i >= 5) {
                times.add((System.nanoTime() - t0) / 1e6);
            }
        }
        run.add(Figure.less("labels", "labels.job50", "50-label print job, merged PDF through the API (p50)", new Stats(times).percentile(50), "ms")
                .target(150));
    }

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    /** {labels per CPU-second of this thread, labels per wall-clock second}. */
    private static double[] perSecond(LabelRenderer renderer, LabelSpec spec, int seconds) {
        long warm = System.nanoTime() + 1_500_000_000L;
        int i = 0;
        while (System.nanoTime() < warm) {
            renderer.render(List.of(sample(i++)), spec);
        }
        long c0 = CPU.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long end = t0 + seconds * 1_000_000_000L;
        int n = 0;
        long sink = 0;
        while (System.nanoTime() < end) {
            sink += renderer.render(List.of(sample(i++)), spec).length;
            n++;
        }
        if (sink == 0) {
            throw new IllegalStateException("nothing rendered");
        }
        return new double[] {n / ((CPU.getCurrentThreadCpuTime() - c0) / 1e9), n / ((System.nanoTime() - t0) / 1e9)};
    }

    static LabelData sample(int i) {
        String tracking = String.format("7359%09d", 100_000_000 + i);
        return new LabelData(tracking, "中通快递", "杭州 西湖 " + (100 + i % 900), "571-" + (i % 99) + "-" + (i % 9),
                "杭州转运中心", "王*", "138****" + String.format("%04d", i % 10_000), "浙江省杭州市西湖区西溪街道文三路" + (i % 999) + "号**幢***室",
                "发货演示旗舰店", "0571****6666", "浙江省杭州市余杭区仓前街道文一西路1500号 3号库",
                List.of(new LabelData.Item("SKU-TEA-" + (i % 7), 1 + i % 2), new LabelData.Item("SKU-CUP-" + (i % 3), 1)),
                "692000000000" + String.format("%07d", i), Instant.parse("2026-11-23T10:15:30Z"), "https://fahuo.io/t/" + tracking);
    }
}
