package io.fahuo.shipments;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.fahuo.shared.Carrier;

/** Counts of parcels that left, for the dashboard. */
@Service
public class ShipmentStats {

    private final JdbcClient jdbc;

    ShipmentStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long shippedSince(long tenantId, Instant since) {
        return jdbc.sql("select count(*) from shipment where tenant_id = ? and shipped_at >= ?")
                .params(tenantId, utc(since)).query(Long.class).single();
    }

    /**
     * Parcels shipped per hour since {@code since}, keyed by the start of the hour. Hours are cut on UTC hour
     * boundaries, which are the local ones in every whole-hour time zone (China's included).
     */
    public Map<Instant, Long> shippedPerHour(long tenantId, Instant since) {
        Map<Instant, Long> perHour = new TreeMap<>();
        jdbc.sql("""
                select date_trunc('hour', shipped_at) as shipped_hour, count(*) as parcels from shipment
                where tenant_id = ? and shipped_at >= ? group by date_trunc('hour', shipped_at)""")
                .params(tenantId, utc(since))
                .query(rs -> {
                    perHour.put(rs.getObject("shipped_hour", OffsetDateTime.class).toInstant(), rs.getLong("parcels"));
                });
        return perHour;
    }

    /** Parcels shipped since {@code since} per carrier. */
    public Map<Carrier, Long> carrierMix(long tenantId, Instant since) {
        Map<Carrier, Long> mix = new EnumMap<>(Carrier.class);
        jdbc.sql("select carrier_code, count(*) from shipment where tenant_id = ? and shipped_at >= ? group by carrier_code")
                .params(tenantId, utc(since))
                .query(rs -> {
                    mix.put(Carrier.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return mix;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
