package io.fahuo.tenancy;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.fahuo.shared.Ids;
import io.fahuo.shared.InvalidRequestException;

/** People who log in to the console. Passwords are stored only as salted, slow hashes (bcrypt). */
@Service
public class Users {

    /** The default tenant's first user, whose password an operator sets with FAHUO_BOOTSTRAP_ADMIN_PASSWORD. */
    public static final String ADMIN = "admin";
    public static final int MIN_PASSWORD_LENGTH = 8;

    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    /** Compared against when the user does not exist, so an unknown name takes as long as a wrong password. */
    private final String decoyHash = encoder.encode("decoy-password-for-unknown-users");

    Users(JdbcClient jdbc, Ids ids, Clock clock) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
    }

    /** Creates the user, or gives an existing user of this tenant the new password and role. */
    @Transactional
    public void save(long tenantId, String username, String password, String role) {
        if (username == null || username.isBlank()) {
            throw new InvalidRequestException("a user needs a name");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidRequestException("a password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        String name = username.strip();
        String hash = encoder.encode(password);
        int updated = jdbc.sql("update app_user set password_hash = ?, role = ? where tenant_id = ? and username = ?")
                .params(hash, role, tenantId, name).update();
        if (updated == 0) {
            if (exists(name)) {
                throw new InvalidRequestException("the user name '" + name + "' is taken");
            }
            jdbc.sql("insert into app_user (id, tenant_id, username, password_hash, role, created_at) values (?, ?, ?, ?, ?, ?)")
                    .params(ids.next(), tenantId, name, hash, role, clock.instant().atOffset(ZoneOffset.UTC)).update();
        }
    }

    public boolean exists(String username) {
        return jdbc.sql("select count(*) from app_user where username = ?").param(username.strip()).query(Integer.class).single() > 0;
    }

    /** The user with this name and password, or empty; never says which of the two was wrong. */
    public Optional<FahuoPrincipal> authenticate(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        record Stored(long tenantId, String username, String hash, String role) {
        }
        Optional<Stored> user = jdbc.sql("select tenant_id, username, password_hash, role from app_user where username = ?")
                .param(username.strip())
                .query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).optional();
        boolean matches = encoder.matches(password, user.map(Stored::hash).orElse(decoyHash));
        return user.filter(u -> matches).map(u -> new FahuoPrincipal(u.tenantId(), "user:" + u.username(), u.role()));
    }
}
