package io.fahuo.simulator.parcels;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import io.fahuo.simulator.SimClock;
import io.fahuo.simulator.SimProperties;

/**
 * The simulated carriers' parcels, shared by the courier simulators: a journey per number on the simulated
 * clock, fates drawn from the configured rates unless a test sets one, interception and withdrawal, and
 * the hand-over of newly visible scans to each courier's push.
 */
@Component
@ConditionalOnProperty(name = "fahuo.sim.enabled", havingValue = "true")
public class ParcelJourneys {

    /** A courier simulator's outlet for scans: returns true when the receiver took them. */
    public interface PushSink {
        boolean push(Journey journey, List<Scan> newScans, List<Scan> allVisible);

        boolean serves(Journey journey);
    }

    public enum InterceptResult { NOT_FOUND, TOO_LATE, ACCEPTED }

    private static final Logger log = LoggerFactory.getLogger(ParcelJourneys.class);

    private final SimClock clock;
    private final SimProperties.Parcels config;
    private final Map<String, Journey> byNumber = new ConcurrentHashMap<>();
    private final List<PushSink> sinks = new CopyOnWriteArrayList<>();

    public ParcelJourneys(SimClock clock, SimProperties properties) {
        this.clock = clock;
        this.config = properties.parcels();
    }

    public void addSink(PushSink sink) {
        sinks.add(sink);
    }

    /** Starts a parcel's journey now (a repeated number keeps its journey). */
    public Journey start(String owner, String carrierCode, String number, String senderPhone, String fromCity, String toCity,
                         Scenario scenario) {
        return byNumber.computeIfAbsent(number, n -> new Journey(owner, carrierCode, n, senderPhone, city(fromCity), city(toCity),
                clock.now(), config.speed(), scenario != null ? scenario : drawn()));
    }

    public Optional<Journey> find(String number) {
        return Optional.ofNullable(byNumber.get(number));
    }

    public List<Scan> visible(Journey j) {
        return j.visible(clock.now());
    }

    public boolean collected(Journey j) {
        return j.collected(clock.now());
    }

    /** Gives a parcel another fate, planned from its start (a test's knob). */
    public void setScenario(String number, Scenario scenario) {
        find(number).orElseThrow(() -> new IllegalArgumentException("no parcel " + number)).plan(scenario);
    }

    public InterceptResult intercept(String number) {
        Journey j = byNumber.get(number);
        if (j == null || j.withdrawn()) {
            return InterceptResult.NOT_FOUND;
        }
        Instant now = clock.now();
        if (j.finished(now) || !j.collected(now)) {
            return InterceptResult.TOO_LATE;
        }
        j.interceptAt(now);
        return InterceptResult.ACCEPTED;
    }

    /** Withdraws a parcel that was not collected yet; false once a courier has it. */
    public boolean withdraw(String number) {
        Journey j = byNumber.get(number);
        if (j == null || j.collected(clock.now())) {
            return false;
        }
        j.withdraw();
        return true;
    }

    /** Hands newly visible scans to the couriers' pushes; what a receiver refuses is offered again next time. */
    public synchronized void tick() {
        Instant now = clock.now();
        for (Journey j : byNumber.values()) {
            List<Scan> fresh = j.unpushed(now);
            if (fresh.isEmpty()) {
                continue;
            }
            List<Scan> all = j.visible(now);
            for (PushSink sink : sinks) {
                if (sink.serves(j)) {
                    try {
                        if (sink.push(j, fresh, all)) {
                            j.pushedUpTo(all.size());
                        }
                    } catch (RuntimeException e) {
                        log.debug("push of {} failed: {}", j.number(), e.getMessage());
                    }
                }
            }
        }
    }

    public void reset() {
        byNumber.clear();
    }

    private Scenario drawn() {
        double r = ThreadLocalRandom.current().nextDouble();
        if (r < config.stallRate()) {
            return Scenario.STALL;
        }
        if (r < config.stallRate() + config.lossRate()) {
            return Scenario.LOST;
        }
        if (r < config.stallRate() + config.lossRate() + config.returnRate()) {
            return Scenario.REFUSED;
        }
        return Scenario.NORMAL;
    }

    private static String city(String name) {
        return name == null || name.isBlank() ? "杭州" : name.replace("市", "");
    }
}
