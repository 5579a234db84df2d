package io.fahuo.inventory;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.fahuo.shared.ConflictException;
import io.fahuo.shared.Ids;
import io.fahuo.shared.InvalidRequestException;

/** The merchant's own SKUs, identified by the merchant code the platforms carry on each sub-order. */
@Service
public class Skus {

    public record Sku(String code, String name, int weightGrams) {
    }

    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;

    Skus(JdbcClient jdbc, Ids ids, Clock clock) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public void create(long tenantId, String code, String name, int weightGrams) {
        if (code == null || code.isBlank()) {
            throw new InvalidRequestException("a SKU needs a code");
        }
        if (weightGrams < 0) {
            throw new InvalidRequestException("weight must not be negative");
        }
        try {
            jdbc.sql("insert into sku (id, tenant_id, code, name, weight_grams, created_at) values (?, ?, ?, ?, ?, ?)")
                    .params(ids.next(), tenantId, code, name, weightGrams, clock.instant().atOffset(ZoneOffset.UTC)).update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("SKU '" + code + "' already exists");
        }
    }

    /** The codes among {@code codes} this tenant does not know (null counts as unknown). */
    public Set<String> unknown(long tenantId, Collection<String> codes) {
        Set<String> wanted = new TreeSet<>();
        boolean hasNull = false;
        for (String c : codes) {
            if (c == null || c.isBlank()) {
                hasNull = true;
            } else {
                wanted.add(c);
            }
        }
        Set<String> unknown = new TreeSet<>(wanted);
        if (!wanted.isEmpty()) {
            List<String> known = jdbc.sql("select code from sku where tenant_id = :t and code in (:codes)")
                    .param("t", tenantId).param("codes", wanted).query(String.class).list();
            known.forEach(unknown::remove);
        }
        if (hasNull) {
            Set<String> withBlank = new HashSet<>(unknown);
            withBlank.add("(no merchant code)");
            return new TreeSet<>(withBlank);
        }
        return unknown;
    }

    public List<Sku> list(long tenantId) {
        return jdbc.sql("select code, name, weight_grams from sku where tenant_id = ? order by code").param(tenantId)
                .query((rs, n) -> new Sku(rs.getString(1), rs.getString(2), rs.getInt(3))).list();
    }

    public int totalWeightGrams(long tenantId, Collection<io.fahuo.inventory.domain.StockLine> lines) {
        int total = 0;
        for (var line : io.fahuo.inventory.domain.StockLine.consolidate(lines)) {
            Integer w = jdbc.sql("select weight_grams from sku where tenant_id = ? and code = ?")
                    .params(tenantId, line.skuCode()).query(Integer.class).optional().orElse(0);
            total += w * line.quantity();
        }
        return total;
    }
}
