package io.fahuo.couriers.sf;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.fahuo.couriers.CourierConnector;
import io.fahuo.couriers.CourierException;
import io.fahuo.couriers.domain.CourierAccount;
import io.fahuo.couriers.domain.CourierCapability;
import io.fahuo.couriers.domain.CourierProvider;
import io.fahuo.couriers.domain.InterceptOutcome;
import io.fahuo.couriers.domain.InterceptRequest;
import io.fahuo.couriers.domain.IssuedWaybill;
import io.fahuo.couriers.domain.PushAnswer;
import io.fahuo.couriers.domain.PushRequest;
import io.fahuo.couriers.domain.ReceivedPush;
import io.fahuo.couriers.domain.TraceQuery;
import io.fahuo.couriers.domain.TraceSnapshot;
import io.fahuo.couriers.domain.WaybillRequest;
import io.fahuo.shared.Carrier;

/**
 * SF Express direct (顺丰 丰桥). Pushes routes for its own waybills to the URL set in the 丰桥 console (no
 * subscribe call), and signs no push Fahuo could verify, so pushed routes are confirmed by a query. A
 * monthly customer has no waybill quota, so there is no balance to report.
 */
public class SfConnector implements CourierConnector {

    private static final Set<CourierCapability> CAPABILITIES = EnumSet.of(CourierCapability.ISSUE_WAYBILL,
            CourierCapability.CANCEL_WAYBILL, CourierCapability.MULTI_PACKAGE, CourierCapability.TRACK_QUERY,
            CourierCapability.TRACK_PUSH, CourierCapability.INTERCEPT);

    private final SfClient client;
    private final SfSettings settings;

    public SfConnector(SfClient client, SfSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    @Override
    public CourierProvider provider() {
        return CourierProvider.SF;
    }

    @Override
    public Set<CourierCapability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Set<Carrier> carriers() {
        return Set.of(Carrier.SF);
    }

    @Override
    public String accountRef(Map<String, String> credentials) {
        return credentials.get("partnerID");
    }

    @Override
    public IssuedWaybill issueWaybill(CourierAccount account, Map<String, String> credentials, WaybillRequest request) {
        SfMapper.Answer created = send(account, credentials, SfCodes.CREATE_ORDER,
                SfMapper.createOrderRequest(request, account, settings.expressTypeId()));
        SfMapper.Answer answer = SfCodes.DUPLICATE_ORDER.equals(created.errorCode())
                // asked before (a crash, a retry): the order exists, take its waybill instead of a second one
                ? send(account, credentials, SfCodes.SEARCH_ORDER, SfMapper.searchOrderRequest(request.idempotencyKey()))
                : created;
        IssuedWaybill waybill = SfMapper.waybill(judged(answer, SfCodes.CREATE_ORDER).msgData());
        if (waybill.trackingNumber() == null || waybill.trackingNumber().isBlank()) {
            throw new CourierException("no-number", "SF answered the order without a waybill number", true);
        }
        return waybill;
    }

    @Override
    public void cancelWaybill(CourierAccount account, Map<String, String> credentials, String idempotencyKey, IssuedWaybill waybill) {
        SfMapper.Answer answer = judged(send(account, credentials, SfCodes.UPDATE_ORDER,
                SfMapper.cancelOrderRequest(idempotencyKey, waybill.trackingNumber())), SfCodes.UPDATE_ORDER);
        if (!SfMapper.cancelled(answer.msgData())) {
            throw new CourierException("not-cancelled", "SF did not cancel order " + idempotencyKey + " (resStatus "
                    + answer.msgData().path("resStatus").asString("?") + ")", false);
        }
    }

    @Override
    public TraceSnapshot trace(CourierAccount account, Map<String, String> credentials, TraceQuery query) {
        SfMapper.Answer answer = judged(send(account, credentials, SfCodes.SEARCH_ROUTES, SfMapper.searchRoutesRequest(query)),
                SfCodes.SEARCH_ROUTES);
        try {
            return SfMapper.routes(answer.msgData(), query.trackingNumber());
        } catch (RuntimeException e) {
            throw new CourierException("bad-response", "SF routes: " + e.getMessage(), true, e);
        }
    }

    @Override
    public InterceptOutcome intercept(CourierAccount account, Map<String, String> credentials, InterceptRequest request) {
        SfMapper.Answer answer = send(account, credentials, SfCodes.INTERCEPT, SfMapper.interceptRequest(request, account));
        if (!answer.gatewayOk()) {
            throw new CourierException(answer.apiResultCode(), "SF gateway refused " + SfCodes.INTERCEPT + ": " + answer.apiErrorMsg(),
                    SfCodes.retryableApiCode(answer.apiResultCode()));
        }
        if (!answer.success() && SfCodes.retryableErrorCode(answer.errorCode())) {
            throw new CourierException(answer.errorCode(), "SF " + SfCodes.INTERCEPT + " failed: " + answer.errorMsg(), true);
        }
        return new InterceptOutcome(answer.success(), answer.success() ? SfCodes.OK : answer.errorCode(),
                answer.success() ? "SF accepted the interception: the parcel returns to the sender" : answer.errorMsg());
    }

    @Override
    public ReceivedPush readPush(PushRequest request, Function<String, List<Map<String, String>>> credentialsByRef) {
        try {
            return new ReceivedPush(null, false, SfMapper.routePush(request.body()));
        } catch (RuntimeException e) {
            throw new CourierException("push-format", "unreadable SF route push: " + e.getMessage(), false, e);
        }
    }

    @Override
    public PushAnswer answerPush(String accountRef, boolean accepted, String reason) {
        return new PushAnswer(200, "application/json;charset=UTF-8", SfMapper.pushReply(accepted, reason));
    }

    private SfMapper.Answer send(CourierAccount account, Map<String, String> credentials, String serviceCode, String msgData) {
        String body = client.post(account.apiBaseUrl(), required(credentials, "partnerID"), required(credentials, "checkWord"),
                serviceCode, msgData);
        try {
            return SfMapper.answer(body);
        } catch (RuntimeException e) {
            throw new CourierException("bad-response", "SF " + serviceCode + " returned an unreadable answer", true, e);
        }
    }

    private static SfMapper.Answer judged(SfMapper.Answer answer, String serviceCode) {
        if (!answer.gatewayOk()) {
            throw new CourierException(answer.apiResultCode(), "SF gateway refused " + serviceCode + ": " + answer.apiResultCode()
                    + " " + answer.apiErrorMsg(), SfCodes.retryableApiCode(answer.apiResultCode()));
        }
        if (!answer.success()) {
            throw new CourierException(answer.errorCode(), "SF " + serviceCode + " refused: " + answer.errorCode() + " "
                    + answer.errorMsg(), SfCodes.retryableErrorCode(answer.errorCode()));
        }
        return answer;
    }

    private static String required(Map<String, String> credentials, String key) {
        String v = credentials.get(key);
        if (v == null || v.isBlank()) {
            throw new CourierException("credentials", "the SF account lacks " + key, false);
        }
        return v;
    }
}
