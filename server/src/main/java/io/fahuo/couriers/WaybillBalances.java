package io.fahuo.couriers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.fahuo.couriers.domain.CourierAccount;
import io.fahuo.couriers.domain.CourierCapability;
import io.fahuo.couriers.domain.WaybillBalance;
import io.fahuo.shared.ConflictException;
import io.fahuo.shared.Ids;

/**
 * Waybill balances (面单余额) of the accounts whose courier reports one, and the alert an account raises
 * when fewer numbers are left than its threshold. An alert stays open until the balance is back up (or the
 * threshold is removed); it is stored, so a merchant sees it whenever they look.
 */
@Service
public class WaybillBalances {

    private static final Logger log = LoggerFactory.getLogger(WaybillBalances.class);

    /** The last known balance of an account. */
    public record Balance(long accountId, String accountName, String carrier, int available, Integer total, Instant checkedAt,
                          Integer alertBelow) {
    }

    /** An alert: open while {@code clearedAt} is null. */
    public record Alert(long id, long accountId, String accountName, int available, int threshold, Instant raisedAt, Instant clearedAt) {
    }

    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;
    private final Couriers couriers;
    private final CourierAccounts accounts;
    private final TransactionTemplate tx;

    WaybillBalances(JdbcClient jdbc, Ids ids, Clock clock, Couriers couriers, CourierAccounts accounts, PlatformTransactionManager txManager) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.couriers = couriers;
        this.accounts = accounts;
        this.tx = new TransactionTemplate(txManager);
    }

    /** Asks the courier now and stores the answer (raising or clearing the account's alert). */
    public Balance check(long tenantId, long accountId) {
        CourierAccount account = accounts.get(tenantId, accountId);
        if (!couriers.supports(account, CourierCapability.WAYBILL_BALANCE)) {
            throw new ConflictException(account.provider() + " does not report a waybill balance for account " + account.name());
        }
        WaybillBalance balance = couriers.balance(tenantId, accountId);
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> store(account, balance, now));
        return list(tenantId).stream().filter(b -> b.accountId() == accountId).findFirst().orElseThrow();
    }

    /** Checks every account of every tenant whose courier reports a balance; one failing account does not stop the rest. */
    public void checkAll() {
        for (CourierAccount account : accounts.all()) {
            if (!couriers.supports(account, CourierCapability.WAYBILL_BALANCE)) {
                continue;
            }
            try {
                check(account.tenantId(), account.id());
            } catch (RuntimeException e) {
                log.info("waybill balance of account {} ({}) not checked: {}", account.id(), account.name(), e.getMessage());
            }
        }
    }

    public List<Balance> list(long tenantId) {
        return jdbc.sql("""
                select b.*, a.name, a.carrier_code, a.balance_alert_below from courier_balance b
                join courier_account a on a.id = b.courier_account_id and a.tenant_id = b.tenant_id
                where b.tenant_id = ? order by a.id""")
                .param(tenantId)
                .query((rs, n) -> {
                    int alert = rs.getInt("balance_alert_below");
                    Integer alertBelow = rs.wasNull() ? null : alert;
                    int total = rs.getInt("total");
                    return new Balance(rs.getLong("courier_account_id"), rs.getString("name"), rs.getString("carrier_code"),
                            rs.getInt("available"), rs.wasNull() ? null : total, instant(rs, "checked_at"), alertBelow);
                })
                .list();
    }

    public List<Alert> alerts(long tenantId, boolean openOnly) {
        return jdbc.sql("""
                select l.*, a.name from courier_balance_alert l join courier_account a on a.id = l.courier_account_id and a.tenant_id = l.tenant_id
                where l.tenant_id = ?""" + (openOnly ? " and l.cleared_at is null" : "") + " order by l.raised_at desc, l.id desc")
                .param(tenantId)
                .query((rs, n) -> new Alert(rs.getLong("id"), rs.getLong("courier_account_id"), rs.getString("name"), rs.getInt("available"),
                        rs.getInt("threshold"), instant(rs, "raised_at"), instant(rs, "cleared_at")))
                .list();
    }

    private void store(CourierAccount account, WaybillBalance balance, Instant now) {
        long t = account.tenantId();
        int updated = jdbc.sql("update courier_balance set available = ?, total = ?, checked_at = ? where tenant_id = ? and courier_account_id = ?")
                .params(balance.available(), balance.total(), ts(now), t, account.id()).update();
        if (updated == 0) {
            jdbc.sql("insert into courier_balance (tenant_id, courier_account_id, available, total, checked_at) values (?, ?, ?, ?, ?)")
                    .params(t, account.id(), balance.available(), balance.total(), ts(now)).update();
        }
        Integer threshold = account.balanceAlertBelow();
        boolean low = threshold != null && balance.available() < threshold;
        if (!low) {
            jdbc.sql("update courier_balance_alert set cleared_at = ? where tenant_id = ? and courier_account_id = ? and cleared_at is null")
                    .params(ts(now), t, account.id()).update();
            return;
        }
        int open = jdbc.sql("update courier_balance_alert set available = ?, threshold = ? where tenant_id = ? and courier_account_id = ? and cleared_at is null")
                .params(balance.available(), threshold, t, account.id()).update();
        if (open == 0) {
            jdbc.sql("""
                    insert into courier_balance_alert (id, tenant_id, courier_account_id, available, threshold, raised_at)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(ids.next(), t, account.id(), balance.available(), threshold, ts(now)).update();
            log.warn("tenant {}: courier account {} has {} waybill numbers left (alert below {})", t, account.name(),
                    balance.available(), threshold);
        }
    }

    private static OffsetDateTime ts(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
