package io.fahuo.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
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
import io.fahuo.couriers.domain.Party;
import io.fahuo.couriers.domain.WaybillRequest;
import io.fahuo.couriers.kdniao.KdniaoClient;
import io.fahuo.couriers.kdniao.KdniaoConnector;
import io.fahuo.couriers.kdniao.KdniaoSettings;
import io.fahuo.shared.Carrier;
import io.fahuo.support.IntegrationTest;

class KdniaoSimulatorProtocolTest extends IntegrationTest {

    @Autowired
    SimProperties props;

    private IssuedWaybill issue(String appKey, Carrier carrier, String orderCode) {
        KdniaoConnector connector = new KdniaoConnector(new KdniaoClient(HttpClient.newHttpClient(), new KdniaoSettings(Duration.ofSeconds(5))));
        CourierAccount account = new CourierAccount(1, 1, CourierProvider.KDNIAO, carrier, "t", "http://127.0.0.1:" + port + "/sim/kdniao", 3, true);
        return connector.issueWaybill(account, Map.of("EBusinessID", props.kdniao().eBusinessId(), "AppKey", appKey, "CustomerName", "c"),
                new WaybillRequest(orderCode, carrier, new Party("寄件人", "13800000000", null, "浙江省", "杭州市", "余杭区", "文一西路1号"),
                        new Party("收件人", "13900000000", null, "广东省", "深圳市", "南山区", "科技园1号"),
                        List.of(new ParcelItem("T恤", "FH-TEE-WHT-M", 1)), 200, null));
    }

    @Test
    void theSameOrderCodeGetsTheSameWaybill() {
        String code = "FH-kd-" + System.nanoTime();
        IssuedWaybill first = issue(props.kdniao().appKey(), Carrier.ZTO, code);
        IssuedWaybill again = issue(props.kdniao().appKey(), Carrier.ZTO, code);
        assertThat(again.trackingNumber()).isEqualTo(first.trackingNumber());
        assertThat(issue(props.kdniao().appKey(), Carrier.ZTO, code + "-2").trackingNumber()).isNotEqualTo(first.trackingNumber());
        assertThat(first.markDestination()).startsWith("深圳 南山");
        assertThat(first.packageCenter()).isEqualTo("广东深圳转运中心");
    }

    @Test
    void numbersMatchEachCarriersPattern() {
        for (Carrier c : Carrier.values()) {
            IssuedWaybill w = issue(props.kdniao().appKey(), c, "FH-pattern-" + c + System.nanoTime());
            assertThat(c.looksLikeTrackingNumber(w.trackingNumber())).as(c + " " + w.trackingNumber()).isTrue();
            assertThat(w.carrier()).isEqualTo(c);
        }
    }

    @Test
    void aBadDataSignIsRefused() {
        assertThatThrownBy(() -> issue("not-the-app-key", Carrier.ZTO, "FH-badsign"))
                .isInstanceOf(CourierException.class)
                .hasMessageContaining("104")
                .satisfies(e -> assertThat(((CourierException) e).retryable()).isFalse());
    }
}
