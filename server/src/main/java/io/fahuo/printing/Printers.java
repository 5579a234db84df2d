package io.fahuo.printing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.fahuo.inventory.Warehouses;
import io.fahuo.printing.domain.Printer;
import io.fahuo.shared.ConflictException;
import io.fahuo.shared.Ids;
import io.fahuo.shared.InvalidRequestException;
import io.fahuo.shared.NotFoundException;
import io.fahuo.shipments.domain.LabelFormat;
import io.fahuo.shipments.domain.LabelSize;
import io.fahuo.shipments.domain.LabelSpec;

/** The raw thermal printers of each warehouse. */
@Service
public class Printers {

    /** A printer as configured by a person; timeouts bound how long a dead printer can hold a job. */
    public record Settings(long warehouseId, String name, LabelFormat language, int dpi, LabelSize size, String host, int port,
                           Duration connectTimeout, Duration writeTimeout, boolean autoPrint) {

        public static final int RAW_PORT = 9100;
        public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
        public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(10);
    }

    private static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
    private static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);

    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;
    private final Warehouses warehouses;

    Printers(JdbcClient jdbc, Ids ids, Clock clock, Warehouses warehouses) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.warehouses = warehouses;
    }

    @Transactional
    public Printer add(long tenantId, Settings s) {
        LabelSpec spec = validate(tenantId, s);
        long id = ids.next();
        try {
            jdbc.sql("""
                    insert into printer (id, tenant_id, warehouse_id, name, language, dpi, label_size, host, port,
                      connect_timeout_ms, write_timeout_ms, auto_print, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, tenantId, s.warehouseId(), s.name().strip(), spec.format().name(), spec.dpi(), spec.size().code(),
                            s.host().strip(), s.port(), s.connectTimeout().toMillis(), s.writeTimeout().toMillis(), s.autoPrint(),
                            clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("the warehouse already has a printer named '" + s.name().strip() + "'");
        }
        return get(tenantId, id);
    }

    @Transactional
    public Printer update(long tenantId, long printerId, Settings s) {
        get(tenantId, printerId);
        LabelSpec spec = validate(tenantId, s);
        try {
            jdbc.sql("""
                    update printer set warehouse_id = ?, name = ?, language = ?, dpi = ?, label_size = ?, host = ?, port = ?,
                      connect_timeout_ms = ?, write_timeout_ms = ?, auto_print = ?
                    where tenant_id = ? and id = ?""")
                    .params(s.warehouseId(), s.name().strip(), spec.format().name(), spec.dpi(), spec.size().code(), s.host().strip(),
                            s.port(), s.connectTimeout().toMillis(), s.writeTimeout().toMillis(), s.autoPrint(), tenantId, printerId)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("the warehouse already has a printer named '" + s.name().strip() + "'");
        }
        return get(tenantId, printerId);
    }

    public Printer get(long tenantId, long printerId) {
        return find(tenantId, printerId).orElseThrow(() -> new NotFoundException("no printer " + printerId));
    }

    public Optional<Printer> find(long tenantId, long printerId) {
        return jdbc.sql("select * from printer where tenant_id = ? and id = ?").params(tenantId, printerId)
                .query(Printers::map).optional();
    }

    /** All printers, or those of one warehouse. */
    public List<Printer> list(long tenantId, Long warehouseId) {
        if (warehouseId == null) {
            return jdbc.sql("select * from printer where tenant_id = ? order by warehouse_id, name").param(tenantId)
                    .query(Printers::map).list();
        }
        return jdbc.sql("select * from printer where tenant_id = ? and warehouse_id = ? order by name")
                .params(tenantId, warehouseId).query(Printers::map).list();
    }

    /** The printer that prints the warehouse's new labels by itself, if one is set to (the first by id). */
    public Optional<Printer> autoPrinter(long tenantId, long warehouseId) {
        return jdbc.sql("select * from printer where tenant_id = ? and warehouse_id = ? and auto_print = true order by id limit 1")
                .params(tenantId, warehouseId).query(Printers::map).optional();
    }

    private LabelSpec validate(long tenantId, Settings s) {
        if (s.name() == null || s.name().isBlank() || s.name().strip().length() > 100) {
            throw new InvalidRequestException("a printer needs a name of at most 100 characters");
        }
        if (s.language() == null || !s.language().printerLanguage()) {
            throw new InvalidRequestException("a raw printer speaks zpl or tspl");
        }
        if (!LabelSpec.PRINTER_DPI.contains(s.dpi())) {
            throw new InvalidRequestException("dpi must be one of " + LabelSpec.PRINTER_DPI);
        }
        if (s.size() == null) {
            throw new InvalidRequestException("size must be one of 76x130, 100x150, 100x180");
        }
        if (s.host() == null || s.host().isBlank() || s.host().strip().length() > 255) {
            throw new InvalidRequestException("a printer needs a host name or IP address");
        }
        if (s.port() < 1 || s.port() > 65535) {
            throw new InvalidRequestException("port must be between 1 and 65535 (raw printing uses 9100)");
        }
        for (Duration timeout : List.of(s.connectTimeout(), s.writeTimeout())) {
            if (timeout == null || timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
                throw new InvalidRequestException("connect and write timeouts must be between 100 ms and 60 s");
            }
        }
        if (warehouses.find(tenantId, s.warehouseId()).isEmpty()) {
            throw new InvalidRequestException("no warehouse " + s.warehouseId());
        }
        return new LabelSpec(s.language(), s.size(), s.dpi());
    }

    private static Printer map(ResultSet rs, int n) throws SQLException {
        LabelSpec spec = new LabelSpec(LabelFormat.valueOf(rs.getString("language")),
                LabelSize.parse(rs.getString("label_size")).orElseThrow(), rs.getInt("dpi"));
        return new Printer(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("warehouse_id"), rs.getString("name"), spec,
                rs.getString("host"), rs.getInt("port"), Duration.ofMillis(rs.getLong("connect_timeout_ms")),
                Duration.ofMillis(rs.getLong("write_timeout_ms")), rs.getBoolean("auto_print"));
    }
}
