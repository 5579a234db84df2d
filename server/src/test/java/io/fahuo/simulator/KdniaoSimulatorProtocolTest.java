package io.fahuo.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.fahuo.couriers.CourierException;
import io.fahuo.couriers.domain.CourierAccount;
import io.fahuo.couriers.domain.CourierProvider;
import io.fahuo.couriers.domain.IssuedWaybill;
import io.fahuo.couriers.domain.ParcelItem;
import io.fahuo.couriers.domain.ParcelState;
import io.fahuo.couriers.domain.Party;
import io.fahuo.couriers.domain.TraceQuery;
import io.fahuo.couriers.domain.TraceSnapshot;
import io.fahuo.couriers.domain.WaybillRequest;
import io.fahuo.couriers.kdniao.KdniaoClient;
import io.fahuo.couriers.kdniao.KdniaoConnector;
import io.fahuo.couriers.kdniao.KdniaoSettings;
import io.fahuo.shared.Carrier;
import io.fahuo.support.IntegrationTest;

/** Fahuo's Kdniao connector against the Kdniao simulator: the simulator's rules, as the real service keeps them. */
class KdniaoSimulatorProtocolTest extends IntegrationTest {

    @Autowired
    SimProperties props;

    private KdniaoConnector connector() {
        KdniaoSettings settings = new KdniaoSettings(Duration.ofSeconds(5), true);
        return new KdniaoConnector(new KdniaoClient(HttpClient.newHttpClient(), settings), settings, Clock.systemUTC());
    }

    private CourierAccount account(Carrier carrier, int payType) {
        return new CourierAccount(1, 1, CourierProvider.KDNIAO, carrier, "t", "http://127.0.0.1:" + port + "/sim/kdniao", payType, true,
                props.kdniao().eBusinessId(), null, null);
    }

    private Map<String, String> credentials(String appKey) {
        return Map.of("EBusinessID", props.kdniao().eBusinessId(), "AppKey", appKey, "CustomerName", "c");
    }

    private IssuedWaybill issue(String appKey, Carrier carrier, String orderCode, int packages) {
        return connector().issueWaybill(account(carrier, 3), credentials(appKey),
                new WaybillRequest(orderCode, carrier, new Party("寄件人", "13800001234", null, "浙江省", "杭州市", "余杭区", "文一西路1号"),
                        new Party("收件人", "13900000000", null, "广东省", "深圳市", "南山区", "科技园1号"),
                        List.of(new ParcelItem("T恤", "FH-TEE-WHT-M", 1)), 200, null, packages));
    }

    @Test
    void theSameOrderCodeGetsTheSameWaybill() {
        String code = "FH-kd-" + System.nanoTime();
        IssuedWaybill first = issue(props.kdniao().appKey(), Carrier.ZTO, code, 1);
        IssuedWaybill again = issue(props.kdniao().appKey(), Carrier.ZTO, code, 1);
        assertThat(again.trackingNumber()).isEqualTo(first.trackingNumber());
        assertThat(issue(props.kdniao().appKey(), Carrier.ZTO, code + "-2", 1).trackingNumber()).isNotEqualTo(first.trackingNumber());
        assertThat(first.markDestination()).startsWith("深圳 南山");
        assertThat(first.packageCenter()).isEqualTo("广东深圳转运中心");
    }

    @Test
    void numbersMatchEachCarriersPatternAndCheckDigit() {
        for (Carrier c : Carrier.values()) {
            IssuedWaybill w = issue(props.kdniao().appKey(), c, "FH-pattern-" + c + System.nanoTime(), 1);
            assertThat(c.looksLikeTrackingNumber(w.trackingNumber())).as(c + " " + w.trackingNumber()).isTrue();
            assertThat(w.carrier()).isEqualTo(c);
        }
    }

    @Test
    void aMultiPackageWaybillHasSubNumbersAndCostsOneNumberEach() {
        int before = connector().balance(account(Carrier.YTO, 3), credentials(props.kdniao().appKey())).available();
        IssuedWaybill w = issue(props.kdniao().appKey(), Carrier.YTO, "FH-multi-" + System.nanoTime(), 3);
        assertThat(w.subTrackingNumbers()).hasSize(2).allSatisfy(n -> assertThat(Carrier.YTO.looksLikeTrackingNumber(n)).isTrue());
        assertThat(connector().balance(account(Carrier.YTO, 3), credentials(props.kdniao().appKey())).available()).isEqualTo(before - 3);
    }

    @Test
    void aBadDataSignIsRefused() {
        assertThatThrownBy(() -> issue("not-the-app-key", Carrier.ZTO, "FH-badsign", 1))
                .isInstanceOf(CourierException.class)
                .hasMessageContaining("104")
                .satisfies(e -> assertThat(((CourierException) e).retryable()).isFalse());
    }

    @Test
    void aMonthlyWaybillNeedsACustomerNumberOrMonthlyAccount() {
        assertThatThrownBy(() -> connector().issueWaybill(account(Carrier.ZTO, 3),
                Map.of("EBusinessID", props.kdniao().eBusinessId(), "AppKey", props.kdniao().appKey()),
                new WaybillRequest("FH-monthly-" + System.nanoTime(), Carrier.ZTO, new Party("a", "13800000000", null, "浙江省", "杭州市", "余杭区", "x"),
                        new Party("b", "13900000000", null, "广东省", "深圳市", "南山区", "y"), List.of(new ParcelItem("T", null, 1)), 100, null)))
                .isInstanceOf(CourierException.class).hasMessageContaining("月结");
    }

    @Test
    void aFreshWaybillHasNoTraceAndAnSfNumberNeedsThePhoneTail() {
        IssuedWaybill zto = issue(props.kdniao().appKey(), Carrier.ZTO, "FH-trace-" + System.nanoTime(), 1);
        TraceSnapshot none = connector().trace(account(Carrier.ZTO, 3), credentials(props.kdniao().appKey()),
                new TraceQuery(Carrier.ZTO, zto.trackingNumber(), null, null));
        assertThat(none.found()).isFalse();
        IssuedWaybill sf = issue(props.kdniao().appKey(), Carrier.SF, "FH-sftrace-" + System.nanoTime(), 1);
        TraceSnapshot withoutTail = connector().trace(account(Carrier.SF, 3), credentials(props.kdniao().appKey()),
                new TraceQuery(Carrier.SF, sf.trackingNumber(), null, null));
        assertThat(withoutTail.found()).isFalse();
        assertThat(connector().trace(account(Carrier.SF, 3), credentials(props.kdniao().appKey()),
                new TraceQuery(Carrier.SF, "SF0000000000000", null, "1234")).found()).isFalse();
    }

    @Test
    void aCancelledWaybillIsNotIssuedAgainAndAnUnknownOneCannotBeCancelled() {
        String code = "FH-cancel-" + System.nanoTime();
        IssuedWaybill w = issue(props.kdniao().appKey(), Carrier.ZTO, code, 1);
        connector().cancelWaybill(account(Carrier.ZTO, 3), credentials(props.kdniao().appKey()), code, w);
        assertThatThrownBy(() -> issue(props.kdniao().appKey(), Carrier.ZTO, code, 1)).isInstanceOf(CourierException.class)
                .hasMessageContaining("已取消");
        assertThatThrownBy(() -> connector().cancelWaybill(account(Carrier.ZTO, 3), credentials(props.kdniao().appKey()), "FH-none",
                new IssuedWaybill(Carrier.ZTO, "73999999999999", null, null, null)))
                .isInstanceOf(CourierException.class).hasMessageContaining("运单不存在");
    }
}
