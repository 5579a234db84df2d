package io.fahuo.console;

import static org.assertj.core.api.Assertions.assertThat;

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

import io.fahuo.couriers.CourierAccounts;
import io.fahuo.couriers.domain.CourierProvider;
import io.fahuo.platforms.Shops;
import io.fahuo.platforms.domain.Platform;
import io.fahuo.shared.Carrier;
import io.fahuo.support.IntegrationTest;
import io.fahuo.tenancy.Tenants;

/** The settings page offers Douyin e-waybill accounts for a shop and makes one. */
class DouyinWaybillSettingsTest extends IntegrationTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    Shops shops;

    @Autowired
    CourierAccounts accounts;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> send(HttpRequest r) {
        try {
            return http.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build());
    }

    private HttpResponse<String> post(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private String csrf(String page) {
        Matcher m = CSRF_FIELD.matcher(get(page).body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void addsADouyinWaybillAccountForAShop() {
        post("/login", "username=admin&password=" + enc("integration-test-admin-password") + "&_csrf=" + enc(csrf("/login")));
        String page = get("/console/settings").body();
        assertThat(page).contains("添加抖音电子面单账号").contains("圆通 (抖音电子面单, 抖店模拟)").contains("DOUYIN");
        long t = Tenants.DEFAULT_TENANT_ID;
        long shopId = shops.list(t).stream().filter(s -> s.platform() == Platform.DOUDIAN).findFirst().orElseThrow().id();

        HttpResponse<String> added = post("/console/settings/couriers/douyin", "shopId=" + shopId + "&carrier=JT&netsiteCode=JT-571&_csrf="
                + enc(csrf("/console/settings")));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(accounts.list(t)).anySatisfy(a -> {
            assertThat(a.provider()).isEqualTo(CourierProvider.DOUYIN);
            assertThat(a.carrier()).isEqualTo(Carrier.JT);
            assertThat(a.accountRef()).isEqualTo(Long.toString(shopId));
            assertThat(a.isDefault()).isFalse();
        });
    }
}
