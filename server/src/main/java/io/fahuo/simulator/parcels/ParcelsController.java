package io.fahuo.simulator.parcels;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.fahuo.simulator.SimClock;

/**
 * The test harness's knobs on simulated time and parcels: move the clock (parcels act on it at once), give a
 * parcel a fate, look at what a parcel has been through.
 */
@RestController
@ConditionalOnProperty(name = "fahuo.sim.enabled", havingValue = "true")
class ParcelsController {

    private final SimClock clock;
    private final ParcelJourneys journeys;

    ParcelsController(SimClock clock, ParcelJourneys journeys) {
        this.clock = clock;
        this.journeys = journeys;
    }

    @GetMapping(path = "/sim/_control/clock", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> now() {
        return Map.of("now", clock.now().toString());
    }

    @PostMapping(path = "/sim/_control/clock/advance", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> advance(@RequestParam long minutes) {
        if (minutes < 0) {
            return ResponseEntity.badRequest().body(Map.of("error", "the clock only moves forward"));
        }
        clock.advance(Duration.ofMinutes(minutes));
        journeys.tick();
        return ResponseEntity.ok(now());
    }

    @PostMapping(path = "/sim/_control/parcels/{number}/scenario", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> scenario(@PathVariable String number, @RequestParam Scenario value) {
        if (journeys.find(number).isEmpty()) {
            return ResponseEntity.status(404).body(Map.of("error", "no parcel " + number));
        }
        journeys.setScenario(number, value);
        return ResponseEntity.ok(Map.of("number", number, "scenario", value.name()));
    }

    @GetMapping(path = "/sim/_control/parcels/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> parcel(@PathVariable String number) {
        return journeys.find(number)
                .<ResponseEntity<Map<String, Object>>>map(j -> ResponseEntity.ok(Map.of("number", number, "owner", j.owner(),
                        "scenario", j.scenario().name(), "withdrawn", j.withdrawn(), "scans", journeys.visible(j))))
                .orElseGet(() -> ResponseEntity.status(404).body(Map.of("error", "no parcel " + number)));
    }
}
