package io.fahuo.tenancy.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.fahuo.tenancy.ApiTokens;
import io.fahuo.tenancy.Tenants;
import io.fahuo.tenancy.Users;

/**
 * Makes sure the default tenant exists and that {@code FAHUO_BOOTSTRAP_ADMIN_TOKEN}, when set, is a valid
 * admin token of it, so an operator can call the API right after the first start, and that
 * {@code FAHUO_BOOTSTRAP_ADMIN_PASSWORD}, when set, is the password of its console user {@code admin}.
 */
@Component
@Order(0)
class TenancyBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TenancyBootstrap.class);

    private final Tenants tenants;
    private final ApiTokens tokens;
    private final String bootstrapToken;
    private final Users users;
    private final String bootstrapPassword;

    TenancyBootstrap(Tenants tenants, ApiTokens tokens, @Value("${fahuo.bootstrap.admin-token:}") String bootstrapToken,
                     Users users, @Value("${fahuo.bootstrap.admin-password:}") String bootstrapPassword) {
        this.tenants = tenants;
        this.tokens = tokens;
        this.bootstrapToken = bootstrapToken;
        this.users = users;
        this.bootstrapPassword = bootstrapPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        tenants.ensureDefaultTenant();
        if (!bootstrapToken.isBlank()) {
            tokens.register(Tenants.DEFAULT_TENANT_ID, "bootstrap-admin", ApiTokens.ADMIN, bootstrapToken);
            log.info("FAHUO_BOOTSTRAP_ADMIN_TOKEN is a valid admin API token of the default tenant");
        }
        if (!bootstrapPassword.isBlank()) {
            users.save(Tenants.DEFAULT_TENANT_ID, Users.ADMIN, bootstrapPassword, ApiTokens.ADMIN);
            log.info("FAHUO_BOOTSTRAP_ADMIN_PASSWORD is the console password of user '{}' of the default tenant", Users.ADMIN);
        }
    }
}
