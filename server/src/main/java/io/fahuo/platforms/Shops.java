package io.fahuo.platforms;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import io.fahuo.platforms.domain.Platform;
import io.fahuo.platforms.domain.Shop;
import io.fahuo.platforms.domain.ShopCredentials;
import io.fahuo.platforms.internal.ShopSyncJob;
import io.fahuo.shared.ConflictException;
import io.fahuo.shared.Ids;
import io.fahuo.shared.InvalidRequestException;
import io.fahuo.shared.NotFoundException;
import io.fahuo.shared.crypto.SecretBox;

/** Connected shops. App secrets and tokens are sealed with the tenant as context. */
@Service
public class Shops implements TokenStore {

    public record NewShop(Platform platform, String name, String platformShopId, String apiBaseUrl, String appKey,
                          String appSecret, Long defaultWarehouseId, boolean autoShip) {
    }

    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;
    private final SecretBox secrets;
    private final SchedulerClient jobs;

    Shops(JdbcClient jdbc, Ids ids, Clock clock, SecretBox secrets, SchedulerClient jobs) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.secrets = secrets;
        this.jobs = jobs;
    }

    static String context(long tenantId) {
        return "tenant:" + tenantId + ":shop";
    }

    /** Connects a shop and starts its order sync; both exist once this transaction commits. */
    @Transactional
    public Shop connect(long tenantId, NewShop s) {
        if (s.platform() == null || blank(s.name()) || blank(s.platformShopId()) || blank(s.apiBaseUrl())
                || blank(s.appKey()) || blank(s.appSecret())) {
            throw new InvalidRequestException("a shop needs platform, name, platform shop id, API base URL, app key and app secret");
        }
        long id = ids.next();
        OffsetDateTime now = now();
        try {
            jdbc.sql("""
                    insert into shop (id, tenant_id, platform, name, platform_shop_id, api_base_url, app_key, app_secret_enc,
                      default_warehouse_id, auto_ship, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, tenantId, s.platform().name(), s.name(), s.platformShopId(), s.apiBaseUrl(), s.appKey(),
                            secrets.seal(s.appSecret(), context(tenantId)), s.defaultWarehouseId(), s.autoShip(), now)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("shop " + s.platformShopId() + " on " + s.platform() + " is already connected");
        }
        jobs.scheduleIfNotExists(ShopSyncJob.DESCRIPTOR.instance(ShopSyncJob.instanceId(id)).data(tenantId + ":" + id)
                .scheduledTo(clock.instant()));
        return get(tenantId, id);
    }

    public Shop get(long tenantId, long shopId) {
        return find(tenantId, shopId).orElseThrow(() -> new NotFoundException("no shop " + shopId));
    }

    public Optional<Shop> find(long tenantId, long shopId) {
        return jdbc.sql("select * from shop where tenant_id = ? and id = ?").params(tenantId, shopId).query(Shops::map).optional();
    }

    public Optional<Shop> findByPlatformShopId(Platform platform, String platformShopId) {
        return jdbc.sql("select * from shop where platform = ? and platform_shop_id = ?")
                .params(platform.name(), platformShopId).query(Shops::map).optional();
    }

    public List<Shop> list(long tenantId) {
        return jdbc.sql("select * from shop where tenant_id = ? order by id").param(tenantId).query(Shops::map).list();
    }

    @Transactional
    public void setAutoShip(long tenantId, long shopId, boolean autoShip) {
        if (jdbc.sql("update shop set auto_ship = ? where tenant_id = ? and id = ?").params(autoShip, tenantId, shopId).update() == 0) {
            throw new NotFoundException("no shop " + shopId);
        }
    }

    @Transactional
    public void setDefaultWarehouse(long tenantId, long shopId, long warehouseId) {
        if (jdbc.sql("update shop set default_warehouse_id = ? where tenant_id = ? and id = ?")
                .params(warehouseId, tenantId, shopId).update() == 0) {
            throw new NotFoundException("no shop " + shopId);
        }
    }

    @Transactional
    public void updateApiBaseUrl(long tenantId, long shopId, String apiBaseUrl) {
        jdbc.sql("update shop set api_base_url = ? where tenant_id = ? and id = ?").params(apiBaseUrl, tenantId, shopId).update();
    }

    @Override
    public ShopCredentials credentials(long tenantId, long shopId) {
        return jdbc.sql("""
                select id, tenant_id, api_base_url, app_key, app_secret_enc, platform_shop_id, access_token_enc,
                  token_expires_at, refresh_token_enc from shop where tenant_id = ? and id = ?""")
                .params(tenantId, shopId)
                .query((rs, n) -> new ShopCredentials(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("api_base_url"),
                        rs.getString("app_key"), secrets.open(rs.getString("app_secret_enc"), context(tenantId)),
                        rs.getString("platform_shop_id"), secrets.open(rs.getString("access_token_enc"), context(tenantId)),
                        instant(rs, "token_expires_at"), secrets.open(rs.getString("refresh_token_enc"), context(tenantId))))
                .optional().orElseThrow(() -> new NotFoundException("no shop " + shopId));
    }

    @Override
    @Transactional
    public void save(long tenantId, long shopId, String accessToken, Instant expiresAt, String refreshToken) {
        jdbc.sql("update shop set access_token_enc = ?, token_expires_at = ?, refresh_token_enc = ? where tenant_id = ? and id = ?")
                .params(secrets.seal(accessToken, context(tenantId)), expiresAt == null ? null : expiresAt.atOffset(ZoneOffset.UTC),
                        secrets.seal(refreshToken, context(tenantId)), tenantId, shopId)
                .update();
    }

    @Transactional
    public void recordSync(long tenantId, long shopId, Instant cursor, String error) {
        jdbc.sql("update shop set sync_cursor = coalesce(?, sync_cursor), last_sync_at = ?, last_sync_error = ? where tenant_id = ? and id = ?")
                .params(cursor == null ? null : cursor.atOffset(ZoneOffset.UTC), now(),
                        error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error, tenantId, shopId)
                .update();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Shop map(ResultSet rs, int n) throws SQLException {
        long wh = rs.getLong("default_warehouse_id");
        Long warehouse = rs.wasNull() ? null : wh;
        return new Shop(rs.getLong("id"), rs.getLong("tenant_id"), Platform.valueOf(rs.getString("platform")),
                rs.getString("name"), rs.getString("platform_shop_id"), rs.getString("api_base_url"), rs.getString("app_key"),
                warehouse, rs.getBoolean("auto_ship"), instant(rs, "sync_cursor"), instant(rs, "last_sync_at"),
                rs.getString("last_sync_error"));
    }
}
