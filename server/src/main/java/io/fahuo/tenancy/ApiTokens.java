package io.fahuo.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.fahuo.shared.Ids;
import io.fahuo.shared.InvalidRequestException;

/** API tokens: shown once, stored only as SHA-256 hashes. */
@Service
public class ApiTokens {

    public static final String ADMIN = "ADMIN";

    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, FahuoPrincipal> verified = new ConcurrentHashMap<>();

    ApiTokens(JdbcClient jdbc, Ids ids, Clock clock) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
    }

    /** Creates a new random token and returns its plaintext, which is not stored. */
    @Transactional
    public String issue(long tenantId, String name, String role) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = "fh_" + HexFormat.of().formatHex(bytes);
        register(tenantId, name, role, token);
        return token;
    }

    /** Makes a token chosen by an operator valid (bootstrap); idempotent. */
    @Transactional
    public void register(long tenantId, String name, String role, String token) {
        if (token == null || token.length() < 16) {
            throw new InvalidRequestException("an API token must have at least 16 characters");
        }
        String hash = hash(token);
        jdbc.sql("""
                insert into api_token (id, tenant_id, token_hash, name, role, created_at)
                select ?, ?, ?, ?, ?, ? where not exists (select 1 from api_token where token_hash = ?)""")
                .params(ids.next(), tenantId, hash, name, role, clock.instant().atOffset(ZoneOffset.UTC), hash)
                .update();
    }

    public Optional<FahuoPrincipal> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String hash = hash(token.strip());
        FahuoPrincipal cached = verified.get(hash);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<FahuoPrincipal> found = jdbc.sql("select tenant_id, name, role from api_token where token_hash = ?")
                .param(hash)
                .query((rs, n) -> new FahuoPrincipal(rs.getLong(1), "token:" + rs.getString(2), rs.getString(3)))
                .optional();
        found.ifPresent(p -> verified.put(hash, p));
        return found;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
