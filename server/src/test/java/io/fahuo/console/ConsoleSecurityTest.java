package io.fahuo.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.fahuo.shared.InvalidRequestException;
import io.fahuo.support.IntegrationTest;
import io.fahuo.tenancy.Tenants;
import io.fahuo.tenancy.Users;

/**
 * The console's own filter chain beside the API's: form login with a session, CSRF on every change, and
 * neither credential crossing over (a session does not open the API, a token does not open the console).
 */
class ConsoleSecurityTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users;

    @Autowired
    Tenants tenants;

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** A browser-like client: keeps cookies, does not follow redirects. */
    private final class Session {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path, String... headers) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
            if (headers.length > 0) {
                b.headers(headers);
            }
            return send(b.build());
        }

        HttpResponse<String> post(String path, String form) {
            return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        }

        String csrf(String page) {
            Matcher m = CSRF_FIELD.matcher(get(page).body());
            assertThat(m.find()).as("a CSRF field on " + page).isTrue();
            return m.group(1);
        }

        HttpResponse<String> login(String user, String password) {
            return post("/login", "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf("/login")));
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void theRootAndEveryConsolePageAskForALogin() {
        Session anonymous = new Session();
        assertThat(anonymous.get("/").statusCode()).isEqualTo(302);
        assertThat(anonymous.get("/").headers().firstValue("Location").orElseThrow()).endsWith("/login");
        for (String page : new String[] {"/console", "/console/orders", "/console/scan", "/console/print", "/console/settings"}) {
            HttpResponse<String> r = anonymous.get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        }
        HttpResponse<String> login = anonymous.get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
    }

    @Test
    void theBootstrapPasswordLogsInTheDefaultTenantsAdmin() {
        Session wrong = new Session();
        assertThat(wrong.login("admin", "guess-guess-guess").headers().firstValue("Location").orElseThrow()).endsWith("/login?error");

        Session session = new Session();
        HttpResponse<String> login = session.login("admin", "integration-test-admin-password");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/console");
        HttpResponse<String> dashboard = session.get("/console");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("工作台").contains("admin");

        String stored = jdbc.sql("select password_hash from app_user where username = 'admin'").query(String.class).single();
        assertThat(stored).startsWith("{bcrypt}$2").doesNotContain("integration-test-admin-password");
    }

    @Test
    void aUserNameBelongsToOneTenantAndPasswordsHaveAMinimumLength() {
        long other = tenants.create("other-tenant");
        assertThatThrownBy(() -> users.save(other, "admin", "long-enough-password", "ADMIN"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("taken");
        assertThatThrownBy(() -> users.save(other, "short", "1234567", "ADMIN"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("8");
        users.save(other, "other-admin", "long-enough-password", "ADMIN");
        assertThat(users.authenticate("other-admin", "long-enough-password")).get()
                .satisfies(p -> assertThat(p.tenantId()).isEqualTo(other));
        assertThat(users.authenticate("other-admin", "wrong-password-here")).isEmpty();
        assertThat(users.authenticate("nobody-here", "long-enough-password")).isEmpty();
    }

    @Test
    void changesWithoutTheCsrfTokenAreRefused() {
        Session session = new Session();
        session.login("admin", "integration-test-admin-password");
        assertThat(session.post("/console/batches", "action=ship&orderIds=1").statusCode()).isEqualTo(403);
        assertThat(session.post("/console/scan", "number=73000000000000").statusCode()).isEqualTo(403);

        String token = session.csrf("/console/orders");
        HttpResponse<String> withToken = session.post("/console/batches", "action=ship&orderIds=1&_csrf=" + enc(token));
        assertThat(withToken.statusCode()).isEqualTo(400);
        assertThat(withToken.body()).contains("unknown orders");
    }

    @Test
    void aSessionDoesNotOpenTheApiAndATokenDoesNotOpenTheConsole() {
        Session session = new Session();
        session.login("admin", "integration-test-admin-password");
        HttpResponse<String> api = session.get("/api/v1/orders");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

        Session tokenOnly = new Session();
        assertThat(tokenOnly.get("/api/v1/orders", "Authorization", "Bearer integration-test-admin-token").statusCode()).isEqualTo(200);
        HttpResponse<String> console = tokenOnly.get("/console", "Authorization", "Bearer integration-test-admin-token");
        assertThat(console.statusCode()).isEqualTo(302);
        assertThat(console.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void chineseByDefaultEnglishOnRequestAndRemembered() {
        Session session = new Session();
        assertThat(session.get("/login").body()).contains("用户名").doesNotContain("User name");
        assertThat(session.get("/login?lang=en").body()).contains("User name");
        assertThat(session.get("/login").body()).contains("User name");
        assertThat(session.get("/login?lang=zh_CN").body()).contains("用户名");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
