package io.fahuo.simulator.kdniao;

import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Kdniao's HTTP face: form posts to {@code /api/EOrderService}, answers in JSON. */
@RestController
@RequestMapping(path = "/sim/kdniao", produces = MediaType.APPLICATION_JSON_VALUE)
@ConditionalOnProperty(name = "fahuo.sim.enabled", havingValue = "true")
class KdniaoSimController {

    private final KdniaoPlatform platform;

    KdniaoSimController(KdniaoPlatform platform) {
        this.platform = platform;
    }

    @PostMapping(path = "/api/EOrderService", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Map<String, Object> eOrderService(@RequestParam Map<String, String> form) {
        return platform.handle(form);
    }

    @GetMapping("/_control/waybills")
    List<KdniaoPlatform.Issued> waybills() {
        return platform.issued();
    }

    @GetMapping("/_control/stats")
    Map<String, Object> stats() {
        return Map.of("issueCalls", platform.issueCalls(), "waybills", platform.issued().size());
    }

    @PostMapping("/_control/error-rate")
    Map<String, Object> errorRate(@RequestParam double rate) {
        platform.setErrorRate(rate);
        return Map.of("errorRate", rate);
    }

    @PostMapping("/_control/reset")
    Map<String, Object> reset() {
        platform.reset();
        return Map.of("reset", true);
    }
}
