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

    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;
    private final SecretBox secrets;

    CourierAccounts(JdbcClient jdbc, Ids ids, Clock clock, SecretBox secrets) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.secrets = secrets;
    }

    static String context(long tenantId) {
        return "tenant:" + tenantId + ":courier";
    }

    @Transactional
    public CourierAccount create(long tenantId, CourierProvider provider, Carrier carrier, String name, String apiBaseUrl,
                                 Map<String, String> credentials, int payType, boolean isDefault) {
        if (provider == null || carrier == null || name == null || name.isBlank() || apiBaseUrl == null || apiBaseUrl.isBlank()) {
            throw new InvalidRequestException("a courier account needs provider, carrier, name and API base URL");
        }
        if (payType < 1 || payType > 4) {
            throw new InvalidRequestException("pay type must be 1 (cash), 2 (collect), 3 (monthly) or 4 (third party)");
        }
        if (isDefault) {
            jdbc.sql("update courier_account set is_default = false where tenant_id = ?").param(tenantId).update();
        }
        long id = ids.next();
        jdbc.sql("""
                insert into courier_account (id, tenant_id, provider, carrier_code, name, api_base_url, credentials_enc,
                  pay_type, is_default, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenantId, provider.name(), carrier.name(), name, apiBaseUrl,
                        secrets.seal(JSON.writeValueAsString(credentials), context(tenantId)), payType, isDefault,
                        clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        return get(tenantId, id);
    }

    @Transactional
    public void updateApiBaseUrl(long tenantId, long accountId, String apiBaseUrl) {
        jdbc.sql("update courier_account set api_base_url = ? where tenant_id = ? and id = ?").params(apiBaseUrl, tenantId, accountId).update();
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

    Map<String, String> credentials(long tenantId, long accountId) {
        String sealed = jdbc.sql("select credentials_enc from courier_account where tenant_id = ? and id = ?")
                .params(tenantId, accountId).query(String.class).single();
        return JSON.readValue(secrets.open(sealed, context(tenantId)), new TypeReference<Map<String, String>>() { });
    }

    private static CourierAccount map(ResultSet rs, int n) throws SQLException {
        return new CourierAccount(rs.getLong("id"), rs.getLong("tenant_id"), CourierProvider.valueOf(rs.getString("provider")),
                Carrier.valueOf(rs.getString("carrier_code")), rs.getString("name"), rs.getString("api_base_url"),
                rs.getInt("pay_type"), rs.getBoolean("is_default"));
    }
}
