package io.fahuo.simulator.kdniao;

import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.fahuo.simulator.parcels.Scenario;

/**
 * Kdniao's HTTP face: form posts to {@code /api/EOrderService} (1007, 1147, 1127),
 * {@code /Ebusiness/EbusinessOrderHandle.aspx} (1002, 8001) and {@code /api/dist} (1008, 8008), answers in
 * JSON; plus the test harness's {@code _control} endpoints.
 */
@RestController
@RequestMapping(path = "/sim/kdniao", produces = MediaType.APPLICATION_JSON_VALUE)
@ConditionalOnProperty(name = "fahuo.sim.enabled", havingValue = "true")
class KdniaoSimController {

    /** A parcel given to a carrier outside Fahuo (a factory's own waybill), as a test describes it. */
    record ForeignParcel(String shipperCode, String logisticCode, String senderPhone, String fromCity, String toCity, Scenario scenario) {
    }

    private final KdniaoPlatform platform;

    KdniaoSimController(KdniaoPlatform platform) {
        this.platform = platform;
    }

    @PostMapping(path = KdniaoPlatform.PATH_EORDER, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Map<String, Object> eOrderService(@RequestParam Map<String, String> form) {
        return platform.handle(KdniaoPlatform.PATH_EORDER, form);
    }

    @PostMapping(path = KdniaoPlatform.PATH_QUERY, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Map<String, Object> query(@RequestParam Map<String, String> form) {
        return platform.handle(KdniaoPlatform.PATH_QUERY, form);
    }

    @PostMapping(path = KdniaoPlatform.PATH_SUBSCRIBE, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Map<String, Object> subscribe(@RequestParam Map<String, String> form) {
        return platform.handle(KdniaoPlatform.PATH_SUBSCRIBE, form);
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

    @PostMapping("/_control/balance")
    Map<String, Object> balance(@RequestParam String shipperCode, @RequestParam int available) {
        platform.setBalance(shipperCode, available);
        return Map.of("shipperCode", shipperCode, "available", available);
    }

    @PostMapping(path = "/_control/foreign-parcels", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> foreignParcel(@RequestBody ForeignParcel p) {
        if (p.shipperCode() == null || !Numbers.known(p.shipperCode())) {
            return ResponseEntity.badRequest().body(Map.of("error", "unknown ShipperCode " + p.shipperCode()));
        }
        String number = platform.registerForeignParcel(p.shipperCode(), p.logisticCode(), p.senderPhone(), p.fromCity(), p.toCity(),
                p.scenario() == null ? Scenario.NORMAL : p.scenario());
        return ResponseEntity.ok(Map.of("logisticCode", number));
    }

    @PostMapping("/_control/reset")
    Map<String, Object> reset() {
        platform.reset();
        return Map.of("reset", true);
    }
}
