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
import io.fahuo.couriers.domain.InterceptRequest;
import io.fahuo.couriers.domain.IssuedWaybill;
import io.fahuo.couriers.domain.ParcelItem;
import io.fahuo.couriers.domain.Party;
import io.fahuo.couriers.domain.TraceQuery;
import io.fahuo.couriers.domain.WaybillRequest;
import io.fahuo.couriers.sf.SfClient;
import io.fahuo.couriers.sf.SfConnector;
import io.fahuo.couriers.sf.SfSettings;
import io.fahuo.shared.Carrier;
import io.fahuo.support.IntegrationTest;

/** Fahuo's SF connector against the SF simulator: signature, envelope, idempotency and state rules. */
class SfSimulatorProtocolTest extends IntegrationTest {

    static final Party SENDER = new Party("寄件人", "13800001234", null, "浙江省", "杭州市", "余杭区", "文一西路1号");

    @Autowired
    SimProperties props;

    private SfConnector connector() {
        SfSettings settings = new SfSettings(Duration.ofSeconds(5), 2);
        return new SfConnector(new SfClient(HttpClient.newHttpClient(), settings, Clock.systemUTC()), settings);
    }

    private CourierAccount account() {
        return new CourierAccount(1, 1, CourierProvider.SF, Carrier.SF, "sf", "http://127.0.0.1:" + port + "/sim/sf", 3, true,
                props.sf().partnerId(), "7551234567", null);
    }

    private Map<String, String> credentials(String checkWord) {
        return Map.of("partnerID", props.sf().partnerId(), "checkWord", checkWord);
    }

    private IssuedWaybill issue(String orderId, int packages, int grams) {
        return connector().issueWaybill(account(), credentials(props.sf().checkWord()),
                new WaybillRequest(orderId, Carrier.SF, SENDER, new Party("收件人", "13900000000", null, "广东省", "深圳市", "南山区", "科技园1号"),
                        List.of(new ParcelItem("T恤", "FH-TEE-WHT-M", 1)), grams, null, packages));
    }

    @Test
    void anOrderIdGetsOneWaybillHoweverOftenItIsSent() {
        String orderId = "FH-sf-" + System.nanoTime();
        IssuedWaybill first = issue(orderId, 1, 300);
        assertThat(Carrier.SF.looksLikeTrackingNumber(first.trackingNumber())).isTrue();
        assertThat(first.markDestination()).isNotBlank();
        // the second create is refused with 8016 (重复下单) and the connector looks the order up
        assertThat(issue(orderId, 1, 300).trackingNumber()).isEqualTo(first.trackingNumber());
    }

    @Test
    void aWrongCheckWordIsRefusedAsABadSignature() {
        assertThatThrownBy(() -> connector().issueWaybill(account(), credentials("wrong"),
                new WaybillRequest("FH-sf-bad", Carrier.SF, SENDER, SENDER, List.of(new ParcelItem("T", null, 1)), 100, null)))
                .isInstanceOf(CourierException.class).hasMessageContaining("A1006")
                .satisfies(e -> assertThat(((CourierException) e).retryable()).isFalse());
    }

    @Test
    void multiPackageOrdersFollowSfsWeightRule() {
        assertThatThrownBy(() -> issue("FH-sf-light-" + System.nanoTime(), 2, 3000)).isInstanceOf(CourierException.class)
                .hasMessageContaining("6kg");
        IssuedWaybill heavy = issue("FH-sf-heavy-" + System.nanoTime(), 3, 9000);
        assertThat(heavy.subTrackingNumbers()).hasSize(2).allSatisfy(n -> assertThat(Carrier.SF.looksLikeTrackingNumber(n)).isTrue());
    }

    @Test
    void anUncollectedOrderCancelsAndCannotBeIntercepted() {
        String orderId = "FH-sf-cancel-" + System.nanoTime();
        IssuedWaybill w = issue(orderId, 1, 300);
        assertThat(connector().trace(account(), credentials(props.sf().checkWord()), new TraceQuery(Carrier.SF, w.trackingNumber(), orderId, null))
                .found()).isFalse();
        assertThat(connector().intercept(account(), credentials(props.sf().checkWord()),
                new InterceptRequest(Carrier.SF, w.trackingNumber(), orderId, SENDER, "test")).accepted()).isFalse();
        connector().cancelWaybill(account(), credentials(props.sf().checkWord()), orderId, w);
        assertThatThrownBy(() -> connector().cancelWaybill(account(), credentials(props.sf().checkWord()), "FH-sf-none", w))
                .isInstanceOf(CourierException.class).hasMessageContaining("8018");
    }
}
