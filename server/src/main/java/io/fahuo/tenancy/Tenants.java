package io.fahuo.tenancy;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.fahuo.shared.Ids;

@Service
public class Tenants {

    /** The tenant that exists on every installation; demo mode fills it. */
    public static final long DEFAULT_TENANT_ID = 1L;

    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;

    Tenants(JdbcClient jdbc, Ids ids, Clock clock) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public void ensureDefaultTenant() {
        jdbc.sql("insert into tenant (id, name, created_at) select ?, ?, ? where not exists (select 1 from tenant where id = ?)")
                .params(DEFAULT_TENANT_ID, "Default", Instant.now(clock).atOffset(java.time.ZoneOffset.UTC), DEFAULT_TENANT_ID)
                .update();
    }

    @Transactional
    public long create(String name) {
        long id = ids.next();
        jdbc.sql("insert into tenant (id, name, created_at) values (?, ?, ?)")
                .params(id, name, Instant.now(clock).atOffset(java.time.ZoneOffset.UTC)).update();
        return id;
    }

    public Optional<String> name(long tenantId) {
        return jdbc.sql("select name from tenant where id = ?").param(tenantId).query(String.class).optional();
    }
}
