package io.fahuo.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.fahuo.inventory.domain.ReturnAddress;
import io.fahuo.inventory.domain.SenderProfile;
import io.fahuo.inventory.domain.Warehouse;
import io.fahuo.inventory.domain.WarehouseKind;
import io.fahuo.shared.ConflictException;
import io.fahuo.shared.Ids;
import io.fahuo.shared.InvalidRequestException;
import io.fahuo.shared.NotFoundException;

@Service
public class Warehouses {

    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;

    Warehouses(JdbcClient jdbc, Ids ids, Clock clock) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public Warehouse create(long tenantId, String code, String name, WarehouseKind kind, SenderProfile sender) {
        if (code == null || code.isBlank() || name == null || name.isBlank()) {
            throw new InvalidRequestException("a warehouse needs a code and a name");
        }
        long id = ids.next();
        SenderProfile s = sender == null ? new SenderProfile(null, null, null, null, null, null, null, null) : sender;
        try {
            jdbc.sql("""
                    insert into warehouse (id, tenant_id, code, name, kind, sender_name, sender_phone, sender_company,
                      sender_province, sender_city, sender_district, sender_address, sender_credit_code, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, tenantId, code, name, kind.name(), s.name(), s.phone(), s.company(), s.province(), s.city(),
                            s.district(), s.address(), s.creditCode(), clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("warehouse code '" + code + "' is already used");
        }
        return new Warehouse(id, tenantId, code, name, kind, s, ReturnAddress.NONE);
    }

    @Transactional
    public void updateSender(long tenantId, long warehouseId, SenderProfile s) {
        int n = jdbc.sql("""
                update warehouse set sender_name = ?, sender_phone = ?, sender_company = ?, sender_province = ?,
                  sender_city = ?, sender_district = ?, sender_address = ?, sender_credit_code = ?
                where tenant_id = ? and id = ?""")
                .params(s.name(), s.phone(), s.company(), s.province(), s.city(), s.district(), s.address(),
                        s.creditCode(), tenantId, warehouseId)
                .update();
        if (n == 0) {
            throw new NotFoundException("no warehouse " + warehouseId);
        }
    }

    @Transactional
    public void updateReturnAddress(long tenantId, long warehouseId, ReturnAddress r) {
        int n = jdbc.sql("update warehouse set return_name = ?, return_phone = ?, return_address = ? where tenant_id = ? and id = ?")
                .params(r.name(), r.phone(), r.address(), tenantId, warehouseId).update();
        if (n == 0) {
            throw new NotFoundException("no warehouse " + warehouseId);
        }
    }

    public Optional<Warehouse> find(long tenantId, long warehouseId) {
        return jdbc.sql("select * from warehouse where tenant_id = ? and id = ?")
                .params(tenantId, warehouseId).query(Warehouses::map).optional();
    }

    public Optional<Warehouse> findByCode(long tenantId, String code) {
        return jdbc.sql("select * from warehouse where tenant_id = ? and code = ?")
                .params(tenantId, code).query(Warehouses::map).optional();
    }

    public Warehouse get(long tenantId, long warehouseId) {
        return find(tenantId, warehouseId).orElseThrow(() -> new NotFoundException("no warehouse " + warehouseId));
    }

    public List<Warehouse> list(long tenantId) {
        return jdbc.sql("select * from warehouse where tenant_id = ? order by code").param(tenantId).query(Warehouses::map).list();
    }

    private static Warehouse map(ResultSet rs, int row) throws SQLException {
        return new Warehouse(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("code"), rs.getString("name"),
                WarehouseKind.valueOf(rs.getString("kind")),
                new SenderProfile(rs.getString("sender_name"), rs.getString("sender_phone"), rs.getString("sender_company"),
                        rs.getString("sender_province"), rs.getString("sender_city"), rs.getString("sender_district"),
                        rs.getString("sender_address"), rs.getString("sender_credit_code")),
                new ReturnAddress(rs.getString("return_name"), rs.getString("return_phone"), rs.getString("return_address")));
    }
}
