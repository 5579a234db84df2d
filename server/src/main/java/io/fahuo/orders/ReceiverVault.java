package io.fahuo.orders;

import java.time.Clock;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.fahuo.shared.Ids;
import io.fahuo.shared.NotFoundException;
import io.fahuo.shared.crypto.SecretBox;

/**
 * The only way to the sealed receiver data of an order. Each opening is written to the PII access log
 * (who, when, which order, why); callers keep the result in memory only.
 */
@Service
public class ReceiverVault {

    public enum Purpose { WAYBILL, LABEL, DROPSHIP, MERGE_CHECK }

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final Ids ids;
    private final Clock clock;

    ReceiverVault(JdbcClient jdbc, SecretBox secrets, Ids ids, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.ids = ids;
        this.clock = clock;
    }

    static String context(long tenantId) {
        return "tenant:" + tenantId + ":receiver";
    }

    /** The platform's protected receiver form (ciphertexts or plaintext), as the connector handed it over. */
    public String open(long tenantId, long orderId, Purpose purpose, String actor) {
        String sealed = jdbc.sql("select receiver_pii_enc from orders where tenant_id = ? and id = ?")
                .params(tenantId, orderId).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("no order " + orderId));
        jdbc.sql("insert into pii_access_log (id, tenant_id, order_id, purpose, actor, fields, at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(ids.next(), tenantId, orderId, purpose.name(), actor, "name,phone,address",
                        clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        return secrets.open(sealed, context(tenantId));
    }

    public int accessCount(long tenantId, long orderId) {
        return jdbc.sql("select count(*) from pii_access_log where tenant_id = ? and order_id = ?")
                .params(tenantId, orderId).query(Integer.class).single();
    }
}
