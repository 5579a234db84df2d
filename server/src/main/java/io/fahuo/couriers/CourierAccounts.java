package io.fahuo.couriers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.fahuo.couriers.domain.CourierAccount;
import io.fahuo.couriers.domain.CourierProvider;
import io.fahuo.shared.Carrier;
import io.fahuo.shared.Ids;
import io.fahuo.shared.InvalidRequestException;
import io.fahuo.shared.NotFoundException;
import io.fahuo.shared.crypto.SecretBox;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A tenant's courier accounts; credentials are sealed with the tenant as context. */
@Service
public class CourierAccounts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * A new account. {@code monthlyAccount} is the monthly settlement account the courier bills a pay-type-3
     * (monthly) account by; SF requires it for every e-waybill, Kdniao accepts the e-waybill customer number
     * (CustomerName in the credentials) instead.
     */
    public record NewAccount(CourierProvider provider, Carrier carrier, String name, String apiBaseUrl,
                             Map<String, String> credentials, int payType, String monthlyAccount, boolean isDefault) {
    }

    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;
    private final SecretBox secrets;
    private final ConnectorRegistry connectors;

    CourierAccounts(JdbcClient jdbc, Ids ids, Clock clock, SecretBox secrets, ConnectorRegistry connectors) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.secrets = secrets;
        this.connectors = connectors;
    }

    static String context(long tenantId) {
        return "tenant:" + tenantId + ":courier";
    }

    @Transactional
    public CourierAccount create(long tenantId, CourierProvider provider, Carrier carrier, String name, String apiBaseUrl,
                                 Map<String, String> credentials, int payType, boolean isDefault) {
        return create(tenantId, new NewAccount(provider, carrier, name, apiBaseUrl, credentials, payType, null, isDefault));
    }

    @Transactional
    public CourierAccount create(long tenantId, NewAccount a) {
        if (a.provider() == null || a.carrier() == null || a.name() == null || a.name().isBlank()
                || a.apiBaseUrl() == null || a.apiBaseUrl().isBlank() || a.credentials() == null) {
            throw new InvalidRequestException("a courier account needs provider, carrier, name, API base URL and credentials");
        }
        if (a.payType() < 1 || a.payType() > 4) {
            throw new InvalidRequestException("pay type must be 1 (cash), 2 (collect), 3 (monthly) or 4 (third party)");
        }
        CourierConnector connector = connectors.get(a.provider());
        if (!connector.carriers().contains(a.carrier())) {
            throw new InvalidRequestException(a.provider() + " does not ship " + a.carrier() + "; it ships " + connector.carriers());
        }
        String ref = connector.accountRef(a.credentials());
        if (ref == null || ref.isBlank()) {
            throw new InvalidRequestException("the credentials lack the " + a.provider() + " account id");
        }
        if (a.isDefault()) {
            jdbc.sql("update courier_account set is_default = false where tenant_id = ?").param(tenantId).update();
        }
        long id = ids.next();
        jdbc.sql("""
                insert into courier_account (id, tenant_id, provider, carrier_code, name, api_base_url, credentials_enc,
                  pay_type, is_default, created_at, account_ref, monthly_account) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenantId, a.provider().name(), a.carrier().name(), a.name(), a.apiBaseUrl(),
                        secrets.seal(JSON.writeValueAsString(a.credentials()), context(tenantId)), a.payType(), a.isDefault(),
                        clock.instant().atOffset(ZoneOffset.UTC), ref, blankToNull(a.monthlyAccount()))
                .update();
        return get(tenantId, id);
    }

    @Transactional
    public void updateApiBaseUrl(long tenantId, long accountId, String apiBaseUrl) {
        jdbc.sql("update courier_account set api_base_url = ? where tenant_id = ? and id = ?").params(apiBaseUrl, tenantId, accountId).update();
    }

    /** Alert when fewer than {@code below} waybill numbers are left; null switches the alert off. */
    @Transactional
    public CourierAccount setBalanceAlert(long tenantId, long accountId, Integer below) {
        if (below != null && below < 0) {
            throw new InvalidRequestException("the balance alert threshold cannot be negative");
        }
        get(tenantId, accountId);
        jdbc.sql("update courier_account set balance_alert_below = ? where tenant_id = ? and id = ?")
                .params(below, tenantId, accountId).update();
        return get(tenantId, accountId);
    }

    public CourierAccount get(long tenantId, long accountId) {
        return jdbc.sql("select * from courier_account where tenant_id = ? and id = ?").params(tenantId, accountId)
                .query(CourierAccounts::map).optional()
                .orElseThrow(() -> new NotFoundException("no courier account " + accountId));
    }

    public List<CourierAccount> list(long tenantId) {
        return jdbc.sql("select * from courier_account where tenant_id = ? order by id").param(tenantId).query(CourierAccounts::map).list();
    }

    public Optional<CourierAccount> defaultAccount(long tenantId) {
        return jdbc.sql("select * from courier_account where tenant_id = ? order by is_default desc, id limit 1")
                .param(tenantId).query(CourierAccounts::map).optional();
    }

    /** Every tenant's accounts, for jobs that look after all of them. */
    List<CourierAccount> all() {
        return jdbc.sql("select * from courier_account order by id").query(CourierAccounts::map).list();
    }

    /** Every tenant's accounts of one provider: a webhook does not know whose parcel it carries until it looks. */
    List<CourierAccount> allOf(CourierProvider provider) {
        return jdbc.sql("select * from courier_account where provider = ? order by id").param(provider.name())
                .query(CourierAccounts::map).list();
    }

    Map<String, String> credentials(long tenantId, long accountId) {
        String sealed = jdbc.sql("select credentials_enc from courier_account where tenant_id = ? and id = ?")
                .params(tenantId, accountId).query(String.class).single();
        return JSON.readValue(secrets.open(sealed, context(tenantId)), new TypeReference<Map<String, String>>() { });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static CourierAccount map(ResultSet rs, int n) throws SQLException {
        int alert = rs.getInt("balance_alert_below");
        Integer alertBelow = rs.wasNull() ? null : alert;
        return new CourierAccount(rs.getLong("id"), rs.getLong("tenant_id"), CourierProvider.valueOf(rs.getString("provider")),
                Carrier.valueOf(rs.getString("carrier_code")), rs.getString("name"), rs.getString("api_base_url"),
                rs.getInt("pay_type"), rs.getBoolean("is_default"), rs.getString("account_ref"), rs.getString("monthly_account"),
                alertBelow);
    }
}
