package io.fahuo.platforms;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import io.fahuo.platforms.domain.Platform;
import io.fahuo.platforms.internal.FetchOrderJob;
import io.fahuo.shared.crypto.SecretBox;

/**
 * Messages a platform pushes: each msg_id is taken once (a unique key, so a push repeated concurrently on
 * two nodes is taken once too), and each order message schedules a fetch of that order for every tenant that
 * connected the shop through this app, in the same transaction.
 */
@Service
public class PlatformPushes {

    /** One pushed message, reduced to what routes it. */
    public record Message(String tag, String msgId, String platformShopId, String platformOrderId, boolean verification) {
    }

    private static final Logger log = LoggerFactory.getLogger(PlatformPushes.class);

    private final JdbcClient jdbc;
    private final SchedulerClient jobs;
    private final Clock clock;
    private final SecretBox secrets;

    PlatformPushes(JdbcClient jdbc, SchedulerClient jobs, Clock clock, SecretBox secrets) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.clock = clock;
        this.secrets = secrets;
    }

    /** The app secrets of the shops connected through this app key (normally one). */
    public List<String> appSecrets(Platform platform, String appKey) {
        return jdbc.sql("select tenant_id, app_secret_enc from shop where platform = ? and app_key = ?")
                .params(platform.name(), appKey)
                .query((rs, n) -> secrets.open(rs.getString("app_secret_enc"), Shops.context(rs.getLong("tenant_id"))))
                .list().stream().distinct().toList();
    }

    /** Records the messages; returns how many were new. */
    @Transactional
    public int record(Platform platform, String appKey, List<Message> messages) {
        int fresh = 0;
        for (Message m : messages) {
            if (m.verification()) {
                continue;
            }
            int inserted = jdbc.sql("""
                    insert into platform_push (platform, app_key, msg_id, tag, platform_shop_id, platform_order_id, received_at)
                    values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(platform.name(), appKey, m.msgId(), m.tag(), m.platformShopId(), m.platformOrderId(),
                            clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
            if (inserted == 0) {
                continue;
            }
            fresh++;
            if (m.platformShopId() == null || m.platformOrderId() == null) {
                log.info("{} push {} (tag {}) names no order; nothing to fetch", platform, m.msgId(), m.tag());
                continue;
            }
            List<long[]> shops = jdbc.sql("select tenant_id, id from shop where platform = ? and platform_shop_id = ? and app_key = ?")
                    .params(platform.name(), m.platformShopId(), appKey)
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
            if (shops.isEmpty()) {
                log.info("{} push {} is for shop {}, which no tenant connected through app {}", platform, m.msgId(), m.platformShopId(), appKey);
            }
            for (long[] shop : shops) {
                jobs.scheduleIfNotExists(FetchOrderJob.DESCRIPTOR.instance(FetchOrderJob.instanceId(shop[1], m.platformOrderId(), m.msgId()))
                        .data(FetchOrderJob.data(shop[0], shop[1], m.platformOrderId())).scheduledTo(clock.instant()));
            }
        }
        return fresh;
    }
}
