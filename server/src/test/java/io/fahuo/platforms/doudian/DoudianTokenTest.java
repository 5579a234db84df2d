package io.fahuo.platforms.doudian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fahuo.platforms.PlatformException;
import io.fahuo.platforms.domain.ShopCredentials;
import tools.jackson.databind.JsonNode;

/**
 * The platform's token rules (simulator) and how the connector lives with them: refresh ahead of expiry,
 * refresh-and-retry once when a token is refused, a new self-authorisation when the refresh token is spent.
 */
class DoudianTokenTest {

    private final InProcessDoudian douyin = new InProcessDoudian();

    private JsonNode companies() {
        return douyin.connector.call(douyin.shop(), "order.logisticsCompanyList", Map.of());
    }

    @Test
    void theFirstCallSelfAuthorisesAndKeepsTheTokens() {
        assertThat(companies().isArray()).isTrue();
        ShopCredentials stored = douyin.shop();
        assertThat(stored.accessToken()).isNotNull();
        assertThat(stored.refreshToken()).isNotNull();
        assertThat(stored.accessTokenExpiresAt()).isBetween(douyin.clock.instant().plus(Duration.ofDays(7)).minusSeconds(2),
                douyin.clock.instant().plus(Duration.ofDays(7)));
        companies();
        assertThat(douyin.calls("token.create")).isEqualTo(1);
    }

    @Test
    void refreshMoreThanAnHourBeforeExpiryGivesTheSameTokensAndInTheLastHourNewOnes() {
        companies();
        ShopCredentials first = douyin.shop();
        DoudianMapper.Envelope early = refresh(first.refreshToken());
        assertThat(early.data().path("access_token").stringValue()).isEqualTo(first.accessToken());
        assertThat(early.data().path("refresh_token").stringValue()).isEqualTo(first.refreshToken());

        douyin.simClock.advance(Duration.ofDays(7).minusMinutes(50));
        DoudianMapper.Envelope late = refresh(first.refreshToken());
        String next = late.data().path("access_token").stringValue();
        assertThat(next).isNotEqualTo(first.accessToken());
        assertThat(late.data().path("refresh_token").stringValue()).isNotEqualTo(first.refreshToken());
        assertThat(late.data().path("expires_in").asLong()).isBetween(Duration.ofDays(7).toSeconds() - 1, Duration.ofDays(7).toSeconds());
        // a second node refreshing with the old refresh token within the hour gets the same new pair
        assertThat(refresh(first.refreshToken()).data().path("access_token").stringValue()).isEqualTo(next);

        // the old access token keeps working until it expires
        assertThat(douyin.connector.call(first, "order.logisticsCompanyList", Map.of()).isArray()).isTrue();
        douyin.simClock.advance(Duration.ofMinutes(61));
        assertThat(refresh(first.refreshToken()).subCode()).isEqualTo("isv.refresh-token-invalid");
    }

    @Test
    void theConnectorRefreshesInTheLastHalfHourBeforeUsingATokenAgain() {
        companies();
        ShopCredentials first = douyin.shop();
        douyin.simClock.advance(Duration.ofDays(7).minusMinutes(20));
        companies();
        assertThat(douyin.shop().accessToken()).isNotEqualTo(first.accessToken());
        assertThat(douyin.calls("token.refresh")).isEqualTo(1);
        assertThat(douyin.calls("token.create")).isEqualTo(1);
    }

    @Test
    void anExpiredTokenIsRefreshedAndTheCallRepeatedOnce() {
        companies();
        ShopCredentials first = douyin.shop();
        douyin.simClock.advance(Duration.ofDays(7).plusMinutes(1));
        // a caller still holding the old credentials: the platform refuses, the connector refreshes and retries
        assertThat(douyin.connector.call(first, "order.logisticsCompanyList", Map.of()).isArray()).isTrue();
        assertThat(douyin.calls("token.refresh")).isEqualTo(1);
        assertThat(douyin.calls("order.logisticsCompanyList")).isEqualTo(2);
        assertThat(douyin.shop().accessToken()).isNotEqualTo(first.accessToken());
    }

    @Test
    void aTokenThePlatformNoLongerKnowsIsReplacedByANewAuthorisationWhenRefreshGivesItBack() {
        companies();
        ShopCredentials first = douyin.shop();
        douyin.platform.revokeToken(first.accessToken());
        assertThat(companies().isArray()).isTrue();
        assertThat(douyin.calls("token.refresh")).isEqualTo(1);
        assertThat(douyin.calls("token.create")).isEqualTo(2);
        assertThat(douyin.shop().accessToken()).isNotEqualTo(first.accessToken());
    }

    @Test
    void anExpiredRefreshTokenFallsBackToANewSelfAuthorisation() {
        companies();
        douyin.simClock.advance(Duration.ofDays(15));
        assertThat(companies().isArray()).isTrue();
        assertThat(douyin.calls("token.refresh")).isEqualTo(1);
        assertThat(douyin.calls("token.create")).isEqualTo(2);
    }

    @Test
    void aToolAppExchangesItsAuthorisationCodeOnceWithinTenMinutes() {
        String code = douyin.platform.authorizationCode(InProcessDoudian.SHOP);
        ShopCredentials authorised = douyin.connector.authorize(douyin.shop(), code);
        assertThat(authorised.accessToken()).isEqualTo(douyin.shop().accessToken());
        assertThatThrownBy(() -> douyin.connector.authorize(douyin.shop(), code))
                .isInstanceOf(PlatformException.class).hasMessageContaining("isv.auth-code-invalid");
        String late = douyin.platform.authorizationCode(InProcessDoudian.SHOP);
        douyin.simClock.advance(Duration.ofMinutes(11));
        assertThatThrownBy(() -> douyin.connector.authorize(douyin.shop(), late))
                .isInstanceOf(PlatformException.class).hasMessageContaining("isv.auth-code-invalid");
    }

    @Test
    void aCodeForAnotherShopIsRefused() {
        String code = douyin.platform.authorizationCode("999001");
        assertThatThrownBy(() -> douyin.connector.authorize(douyin.shop(), code))
                .isInstanceOf(PlatformException.class).hasMessageContaining("authorised shop 999001");
    }

    private DoudianMapper.Envelope refresh(String refreshToken) {
        ShopCredentials anonymous = douyin.shop().withTokens(null, null, null);
        DoudianClient.Call call = new DoudianClient.Call(anonymous.apiBaseUrl(), anonymous.appKey(), anonymous.appSecret(), "token.refresh", null);
        return DoudianMapper.envelope(douyinClient().post(call, DoudianMapper.refreshParams(refreshToken)));
    }

    private DoudianClient douyinClient() {
        return douyin.client;
    }
}
