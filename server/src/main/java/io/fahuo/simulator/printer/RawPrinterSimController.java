package io.fahuo.simulator.printer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the simulated printer got, for a person trying the demo (the printer itself only speaks raw TCP). */
@RestController
@RequestMapping(path = "/sim/printer/_control", produces = MediaType.APPLICATION_JSON_VALUE)
@ConditionalOnProperty(name = "fahuo.sim.enabled", havingValue = "true")
class RawPrinterSimController {

    private final RawPrinterSimulator printer;

    RawPrinterSimController(RawPrinterSimulator printer) {
        this.printer = printer;
    }

    @GetMapping("/jobs")
    Map<String, Object> jobs() {
        List<Map<String, Object>> jobs = printer.received().stream().map(r -> {
            Map<String, Object> job = new LinkedHashMap<>();
            job.put("at", r.at().toString());
            job.put("language", r.language());
            job.put("labels", r.labels());
            job.put("bytes", r.bytes().length);
            job.put("text", r.text());
            return job;
        }).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("address", printer.host() + ":" + printer.port());
        out.put("jobs", jobs);
        return out;
    }
}
