package io.fahuo.simulator.parcels;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One simulated parcel: whose it is ({@code owner}, the courier-side account that issued or registered it),
 * its number, and its scans planned on the simulated clock. Scans become visible when their time comes.
 */
public final class Journey {

    private final String owner;
    private final String carrierCode;
    private final String number;
    private final String senderPhone;
    private final String fromCity;
    private final String toCity;
    private final Instant start;
    private final double speed;
    private Scenario scenario;
    private List<Scan> planned;
    private boolean withdrawn;
    private int pushed;

    Journey(String owner, String carrierCode, String number, String senderPhone, String fromCity, String toCity, Instant start,
            double speed, Scenario scenario) {
        this.owner = owner;
        this.carrierCode = carrierCode;
        this.number = number;
        this.senderPhone = senderPhone;
        this.fromCity = fromCity;
        this.toCity = toCity;
        this.start = start;
        this.speed = speed;
        plan(scenario);
    }

    public String owner() {
        return owner;
    }

    public String carrierCode() {
        return carrierCode;
    }

    public String number() {
        return number;
    }

    public String senderPhone() {
        return senderPhone;
    }

    public synchronized Scenario scenario() {
        return scenario;
    }

    public synchronized boolean withdrawn() {
        return withdrawn;
    }

    /** Scans that have happened by {@code now}, oldest first. */
    public synchronized List<Scan> visible(Instant now) {
        return planned.stream().filter(s -> !s.at().isAfter(now)).toList();
    }

    public synchronized boolean collected(Instant now) {
        return !visible(now).isEmpty();
    }

    public synchronized boolean finished(Instant now) {
        List<Scan> seen = visible(now);
        return !seen.isEmpty() && (seen.get(seen.size() - 1).kind() == Scan.Kind.DELIVERED || seen.get(seen.size() - 1).kind() == Scan.Kind.RETURNED);
    }

    synchronized void plan(Scenario fate) {
        this.scenario = fate;
        String hub = hubBetween(fromCity, toCity);
        List<Scan> s = new ArrayList<>();
        if (fate != Scenario.NO_PICKUP) {
            s.add(scan(2, Scan.Kind.COLLECTED, fromCity, fromCity + "揽投部"));
            s.add(scan(5, Scan.Kind.DEPARTED, fromCity, fromCity + "转运中心"));
            s.add(scan(14, Scan.Kind.ARRIVED, hub, hub + "转运中心"));
        }
        switch (fate) {
            case NORMAL, REFUSED -> {
                s.add(scan(16, Scan.Kind.DEPARTED, hub, hub + "转运中心"));
                s.add(scan(28, Scan.Kind.ARRIVED_DESTINATION_CITY, toCity, toCity + "转运中心"));
                s.add(scan(32, Scan.Kind.OUT_FOR_DELIVERY, toCity, toCity + "营业部"));
                if (fate == Scenario.NORMAL) {
                    s.add(scan(36, Scan.Kind.DELIVERED, toCity, toCity + "营业部"));
                } else {
                    s.add(scan(35, Scan.Kind.REFUSED, toCity, toCity + "营业部"));
                    s.add(scan(40, Scan.Kind.RETURNING, toCity, toCity + "转运中心"));
                    s.add(scan(70, Scan.Kind.RETURNED, fromCity, fromCity + "揽投部"));
                }
            }
            case LOST -> s.add(scan(96, Scan.Kind.LOST, hub, hub + "转运中心"));
            case NO_PICKUP, STALL -> {
                // nothing more happens
            }
        }
        this.planned = s;
    }

    /** Stops the parcel at {@code now}: it is sent back from where it is. */
    synchronized void interceptAt(Instant now) {
        List<Scan> s = new ArrayList<>(visible(now));
        Scan last = s.get(s.size() - 1);
        s.add(new Scan(now.plusSeconds(60), Scan.Kind.INTERCEPTED, last.city(), last.site()));
        s.add(new Scan(now.plus(scaled(6)), Scan.Kind.RETURNING, last.city(), last.city() + "转运中心"));
        s.add(new Scan(now.plus(scaled(30)), Scan.Kind.RETURNED, fromCity, fromCity + "揽投部"));
        this.planned = s;
    }

    synchronized void withdraw() {
        this.withdrawn = true;
        this.planned = List.of();
    }

    /** Scans visible now that were not pushed yet; marks them pushed only through {@link #pushedUpTo}. */
    synchronized List<Scan> unpushed(Instant now) {
        List<Scan> seen = visible(now);
        return pushed >= seen.size() ? List.of() : seen.subList(pushed, seen.size());
    }

    synchronized void pushedUpTo(int count) {
        pushed = Math.max(pushed, count);
    }

    synchronized int pushedCount() {
        return pushed;
    }

    private Scan scan(int hours, Scan.Kind kind, String city, String site) {
        // a little spread per parcel, so scans of parcels issued together do not all carry the same time
        long jitterMinutes = Math.floorMod(number.hashCode() * 31L + hours, 47);
        return new Scan(start.plus(scaled(hours)).plus(scaledMinutes(jitterMinutes)), kind, city, site);
    }

    private Duration scaled(int hours) {
        return Duration.ofMillis((long) (Duration.ofHours(hours).toMillis() / speed));
    }

    private Duration scaledMinutes(long minutes) {
        return Duration.ofMillis((long) (Duration.ofMinutes(minutes).toMillis() / speed));
    }

    private static String hubBetween(String from, String to) {
        String[] hubs = {"武汉", "郑州", "长沙", "南昌", "合肥"};
        return hubs[Math.floorMod((from + to).hashCode(), hubs.length)];
    }
}
