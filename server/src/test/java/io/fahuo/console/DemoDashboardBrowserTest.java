package io.fahuo.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import io.fahuo.support.Browser;
import io.fahuo.support.IntegrationTest;

/**
 * What a person sees after the README's run command: they log in with the demo login from the log and
 * leave the dashboard open; the demo's orders arrive and ship, and the page shows it by itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "fahuo.data-dir=target/console-demo-data",
        "spring.datasource.url=jdbc:h2:file:./target/console-demo-data/fahuo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
        "spring.datasource.username=sa"})
@DirtiesContext
class DemoDashboardBrowserTest {

    static {
        IntegrationTest.deleteRecursively(Path.of("target/console-demo-data"));
    }

    @LocalServerPort
    int port;

    @Test
    void demoOrdersReachShippedOnTheDashboardWithoutAnyClick() throws Exception {
        String password = Files.readString(Path.of("target/console-demo-data/demo-console-password")).strip();
        try (Browser browser = new Browser(port)) {
            browser.open("/");
            assertThat(browser.path()).isEqualTo("/login");
            browser.find("#username").sendKeys("admin");
            browser.find("#password").sendKeys(password, Keys.ENTER);
            browser.waitUntil(Duration.ofSeconds(10), d -> browser.path().equals("/console"));

            // from here on nobody touches the page: the panel refreshes itself
            browser.waitUntil(Duration.ofSeconds(90), d -> Integer.parseInt(browser.find("#kpi-shipped").getText()) >= 12);
            assertThat(browser.path()).isEqualTo("/console");
            assertThat(browser.findAll("#recently-shipped tbody tr")).isNotEmpty();
            assertThat(browser.find("#recently-shipped").getText()).contains("中通快递");
            browser.waitUntil(Duration.ofSeconds(30), d -> (Boolean) browser.script(
                    "const c = echarts.getInstanceByDom(document.getElementById('chart-hourly'));"
                            + " return c != null && c.getOption().series[0].data.reduce((a, b) => a + b, 0) >= 12;"));
            browser.screenshot("11-demo-dashboard");
            assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
        }
    }
}
