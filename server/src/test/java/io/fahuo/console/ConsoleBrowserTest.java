package io.fahuo.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import io.fahuo.orders.Orders;
import io.fahuo.orders.domain.Order;
import io.fahuo.orders.domain.OrderStatus;
import io.fahuo.shipments.Shipments;
import io.fahuo.support.Browser;
import io.fahuo.support.Fixtures;
import io.fahuo.support.IntegrationTest;
import io.fahuo.support.LabelDecoder;
import io.fahuo.tenancy.ApiTokens;
import io.fahuo.tenancy.Users;

/**
 * The console in a real headless Chromium, as a merchant uses it on a working day: log in, find orders,
 * get waybills and print their labels as one PDF, ship by scanning and by a batch with a live progress bar,
 * look at an order. Every page must load without a JavaScript error; each leaves a screenshot for review.
 * The merchant ships by hand (auto-ship off), so nothing moves unless the browser asks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest extends IntegrationTest {

    private static final Pattern PLAINTEXT_MOBILE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");
    private static final String REMARK = "<script>window.__pwned = true</script>请用纸箱";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    Users users;

    @Autowired
    Orders orders;

    @Autowired
    Shipments shipments;

    private Fixtures.Merchant merchant;
    private String username;
    private final String password = "console-test-password";
    private Browser browser;

    @BeforeAll
    void merchantWithOrdersAndABrowser() {
        merchant = fixtures.merchant("console", Fixtures.Options.standard().withoutAutoShip());
        username = "console-" + merchant.tenantId();
        users.save(merchant.tenantId(), username, password, ApiTokens.ADMIN);
        sim().createOrders(merchant.platformShopId(), 7, Map.of());
        sim().createOrders(merchant.platformShopId(), 1, Map.of("buyerWords", REMARK));
        await().atMost(WAIT).until(() -> orders.countByStatus(merchant.tenantId(), OrderStatus.PENDING) == 8);
        browser = new Browser(port);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void noJavaScriptErrors() {
        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void logsInInChineseAndRefusesAWrongPassword() {
        browser.open("/console");
        assertThat(browser.path()).startsWith("/login");
        assertThat(browser.find("button[type=submit]").getText()).isEqualTo("登录");
        browser.screenshot("01-login");

        login(username, "not-the-password");
        assertThat(browser.path()).isEqualTo("/login?error");
        assertThat(browser.find(".alert").getText()).contains("用户名或密码错误");

        login(username, password);
        assertThat(browser.path()).isEqualTo("/console");
        assertThat(browser.find(".topbar h1").getText()).isEqualTo("工作台");
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void dashboardShowsTodayAndDrawsItsCharts() {
        browser.open("/console");
        assertThat(browser.find("#kpi-paid").getText()).isEqualTo("8");
        assertThat(browser.find("#kpi-waiting").getText()).isEqualTo("8");
        assertThat(browser.findAll("#dashboard-panel table tbody tr")).hasSize(8);
        assertThat(browser.find("#dashboard-panel").getText()).contains("还没有发出的包裹");
        assertThat(browser.find(".countdown").getText()).matches("\\d+:\\d\\d:\\d\\d|1d \\d\\d:\\d\\d:\\d\\d");
        browser.waitUntil(WAIT, d -> !browser.findAll("#chart-hourly canvas").isEmpty() && !browser.findAll("#chart-carriers canvas").isEmpty());
        assertNoPlaintextPii();
        browser.screenshot("02-dashboard");
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void filtersOrdersByTextAndStatusAndWorksFromTheKeyboard() {
        Order one = orders.search(merchant.tenantId(), Orders.Search.everything(), null, null, 1).items().get(0);
        browser.open("/console/orders");
        assertThat(browser.findAll("#orders-table tbody tr[data-order-id]")).hasSize(8);

        browser.find("body").sendKeys("/");
        WebElement search = browser.driver().switchTo().activeElement();
        assertThat(search.getAttribute("id")).isEqualTo("order-search");
        search.sendKeys(one.platformOrderId(), Keys.ENTER);
        browser.waitUntil(WAIT, d -> browser.path().contains("q=" + one.platformOrderId()));
        List<WebElement> rows = browser.findAll("#orders-table tbody tr[data-order-id]");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains(one.platformOrderId());

        browser.open("/console/orders?status=SHIPPED");
        assertThat(browser.findAll("#orders-table tbody tr[data-order-id]")).isEmpty();

        browser.open("/console/orders?status=PENDING");
        browser.find("body").sendKeys("j");
        browser.driver().switchTo().activeElement().sendKeys("x");
        browser.driver().switchTo().activeElement().sendKeys("j", "x");
        assertThat(browser.findAll("#orders-table tbody tr.selected")).hasSize(2);
        assertThat(browser.find("#selected-count").getText()).isEqualTo("已选 2 单");
        assertNoPlaintextPii();
        browser.screenshot("03-orders");
    }

    @Test
    @org.junit.jupiter.api.Order(4)
    void getsWaybillsForASelectionThenPrintsTheirLabelsAsOnePdf() {
        browser.open("/console/orders?status=PENDING");
        browser.find("#select-all").click();
        browser.find("button[value=issue-waybill]").click();
        WebElement batch = awaitBatchDone();
        assertThat(batch.getText()).contains("8 成功").contains("0 失败");
        assertThat(orders.countByStatus(merchant.tenantId(), OrderStatus.WAYBILL_ISSUED)).isEqualTo(8);

        browser.open("/console/orders?status=WAYBILL_ISSUED");
        browser.find("#select-all").click();
        browser.find("button[value=print]").click();
        awaitBatchDone();
        browser.find(".batch a.button").click();
        browser.waitUntil(WAIT, ExpectedConditions.presenceOfElementLocated(By.cssSelector("#print-jobs")));
        List<WebElement> jobs = browser.findAll("#print-jobs a.print-link");
        assertThat(jobs).hasSize(1);
        browser.screenshot("04-print");

        Browser.Download pdf = browser.fetch(jobs.get(0).getAttribute("href"));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(LabelDecoder.pageCount(pdf.body())).isEqualTo(8);
        List<String> trackingNumbers = shipments.forOrders(merchant.tenantId(),
                        orders.search(merchant.tenantId(), Orders.Search.everything(), null, null, 50).items().stream().map(Order::id).toList())
                .values().stream().flatMap(List::stream).map(s -> s.trackingNumber()).toList();
        assertThat(LabelDecoder.barcodes(LabelDecoder.page(pdf.body(), 0, 203)))
                .containsAnyElementsOf(trackingNumbers.stream().map(n -> "CODE_128:" + n).toList());

        // every label is printed now; one more needs a reason and becomes a job of its own
        browser.open("/console/print");
        assertThat(browser.find("#print-waiting button").isEnabled()).isFalse();
        browser.find("#reprint-form input[name=number]").sendKeys(trackingNumbers.get(0));
        browser.find("#reprint-form input[name=reason]").sendKeys("卡纸", Keys.ENTER);
        browser.waitUntil(WAIT, d -> browser.path().startsWith("/console/print?job="));
        List<WebElement> reprint = browser.findAll("#print-jobs li");
        assertThat(reprint).hasSize(1);
        assertThat(reprint.get(0).getText()).contains("卡纸");
        Browser.Download again = browser.fetch(browser.find("#print-jobs a.print-link").getAttribute("href"));
        assertThat(LabelDecoder.pageCount(again.body())).isEqualTo(1);
        assertThat(LabelDecoder.barcodes(LabelDecoder.page(again.body(), 0, 203))).contains("CODE_128:" + trackingNumbers.get(0));
    }

    @Test
    @org.junit.jupiter.api.Order(5)
    void showsAnOrderWithItsLabelAndTimelineAndEscapesTheBuyersRemark() {
        Order withRemark = orders.search(merchant.tenantId(), Orders.Search.everything(), null, null, 50).items().stream()
                .filter(o -> REMARK.equals(o.buyerRemark())).findFirst().orElseThrow();
        browser.open("/console/orders/" + withRemark.id());
        assertThat(browser.find("#order-status").getText()).isEqualTo("已取号");
        assertThat(browser.find("#buyer-remark").getText()).isEqualTo(REMARK);
        assertThat(browser.script("return window.__pwned === true")).isEqualTo(false);
        assertThat(browser.find("#receiver").getText()).contains("*");
        assertThat(browser.find("#timeline").getText()).contains("接单").contains("分仓").contains("取号");
        browser.waitUntil(WAIT, d -> (Boolean) browser.script(
                "const i = document.querySelector('.label-preview img'); return i != null && i.complete && i.naturalWidth > 200;"));
        assertNoPlaintextPii();
        browser.screenshot("05-order-detail");
    }

    @Test
    @org.junit.jupiter.api.Order(6)
    void scanToShipShipsAKnownNumberAndRefusesAnUnknownOne() {
        Order order = orders.search(merchant.tenantId(), new Orders.Search(Set.of(OrderStatus.WAYBILL_ISSUED), null, null,
                null, null, null), null, null, 1).items().get(0);
        String tracking = shipments.forOrder(merchant.tenantId(), order.id()).get(0).trackingNumber();

        browser.open("/console/scan");
        WebElement input = browser.driver().switchTo().activeElement();
        assertThat(input.getAttribute("id")).isEqualTo("scan-input");
        input.sendKeys(tracking, Keys.ENTER);
        browser.waitUntil(WAIT, ExpectedConditions.numberOfElementsToBe(By.cssSelector("#scan-results li"), 1));
        WebElement first = browser.find("#scan-results li");
        assertThat(first.getAttribute("data-outcome")).isEqualTo("shipped");
        assertThat(first.getText()).contains(tracking).contains("已发货");
        assertThat(orders.get(merchant.tenantId(), order.id()).status()).isEqualTo(OrderStatus.SHIPPED);

        browser.driver().switchTo().activeElement().sendKeys("73999999999999", Keys.ENTER);
        browser.waitUntil(WAIT, ExpectedConditions.numberOfElementsToBe(By.cssSelector("#scan-results li"), 2));
        assertThat(browser.find("#scan-results li").getAttribute("data-outcome")).isEqualTo("unknown");
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("scan-input");
        browser.screenshot("06-scan");
    }

    @Test
    @org.junit.jupiter.api.Order(7)
    void shipsTheRestAsABatchWithProgressReachingOneHundredPercent() {
        browser.open("/console/orders?status=WAYBILL_ISSUED");
        int waiting = browser.findAll("#orders-table tbody tr[data-order-id]").size();
        assertThat(waiting).isEqualTo(7);
        browser.find("#select-all").click();
        browser.find("#batch-ship").click();
        WebElement batch = awaitBatchDone();
        assertThat(batch.getAttribute("data-percent")).isEqualTo("100");
        assertThat(browser.find(".batch progress").getAttribute("value")).isEqualTo("7");
        assertThat(browser.find(".batch-percent").getText()).isEqualTo("100 %");
        assertThat(orders.countByStatus(merchant.tenantId(), OrderStatus.SHIPPED)).isEqualTo(8);
        browser.screenshot("07-batch-ship");

        browser.open("/console");
        assertThat(browser.find("#kpi-shipped").getText()).isEqualTo("8");
        browser.waitUntil(WAIT, d -> (Boolean) browser.script(
                "const c = echarts.getInstanceByDom(document.getElementById('chart-carriers'));"
                        + " return c != null && c.getOption().series[0].data.length === 1 && c.getOption().series[0].data[0].value === 8;"));
        browser.screenshot("08-dashboard-shipped");
    }

    @Test
    @org.junit.jupiter.api.Order(8)
    void settingsShowSealedCredentialsAndSwitchAutoShip() {
        browser.open("/console/settings");
        assertThat(browser.find("#shops").getText()).contains("已加密保存").doesNotContain("demo-doudian-secret");
        WebElement autoShip = browser.find("#shops button.switch");
        assertThat(autoShip.getAttribute("aria-checked")).isEqualTo("false");
        browser.screenshot("09-settings");
        autoShip.click();
        browser.waitUntil(WAIT, ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
        assertThat(browser.find("#shops button.switch").getAttribute("aria-checked")).isEqualTo("true");
    }

    @Test
    @org.junit.jupiter.api.Order(9)
    void switchesToEnglishAndKeepsIt() {
        browser.open("/console/orders?lang=en");
        assertThat(browser.find(".topbar h1").getText()).isEqualTo("Orders");
        browser.open("/console/scan");
        assertThat(browser.find(".topbar h1").getText()).isEqualTo("Scan to ship");
        browser.screenshot("10-scan-english");
        browser.open("/console?lang=zh_CN");
        assertThat(browser.find(".topbar h1").getText()).isEqualTo("工作台");
    }

    private void login(String user, String pass) {
        if (!browser.path().startsWith("/login")) {
            browser.open("/login");
        }
        browser.find("#username").clear();
        browser.find("#username").sendKeys(user);
        browser.find("#password").sendKeys(pass, Keys.ENTER);
        browser.waitUntil(WAIT, d -> !browser.findAll("body").isEmpty() && !"".equals(browser.script("return document.readyState")));
    }

    private WebElement awaitBatchDone() {
        return browser.waitUntil(WAIT, ExpectedConditions.presenceOfElementLocated(By.cssSelector(".batch[data-status=DONE]")));
    }

    private void assertNoPlaintextPii() {
        assertThat(PLAINTEXT_MOBILE.matcher(browser.driver().getPageSource()).find()).as("a plaintext mobile number in the page").isFalse();
    }
}
