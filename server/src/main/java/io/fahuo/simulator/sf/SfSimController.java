package io.fahuo.simulator.sf;

import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** SF's HTTP face: form posts to {@code /std/service}, answers in JSON; plus the test harness's controls. */
@RestController
@RequestMapping(path = "/sim/sf", produces = MediaType.APPLICATION_JSON_VALUE)
@ConditionalOnProperty(name = "fahuo.sim.enabled", havingValue = "true")
class SfSimController {

    private final SfPlatform platform;

    SfSimController(SfPlatform platform) {
        this.platform = platform;
    }

    @PostMapping(path = SfPlatform.PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Map<String, Object> service(@RequestParam Map<String, String> form) {
        return platform.handle(form);
    }

    @GetMapping("/_control/orders")
    List<SfPlatform.Order> orders() {
        return platform.orders();
    }

    @PostMapping("/_control/reset")
    Map<String, Object> reset() {
        platform.reset();
        return Map.of("reset", true);
    }
}
