package io.fahuo.couriers.kdniao;

import java.time.Clock;
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
import io.fahuo.couriers.domain.IssuedWaybill;
import io.fahuo.couriers.domain.PushAnswer;
import io.fahuo.couriers.domain.PushRequest;
import io.fahuo.couriers.domain.ReceivedPush;
import io.fahuo.couriers.domain.TraceQuery;
import io.fahuo.couriers.domain.TraceSnapshot;
import io.fahuo.couriers.domain.WaybillBalance;
import io.fahuo.couriers.domain.WaybillRequest;
import io.fahuo.shared.Carrier;

/**
 * Kdniao (快递鸟), the aggregator: one account reaches many carriers' e-waybill and trace systems. It
 * offers no interception service Fahuo could call, so INTERCEPT is not declared.
 */
public class KdniaoConnector implements CourierConnector {

    private static final Set<CourierCapability> CAPABILITIES = EnumSet.of(CourierCapability.ISSUE_WAYBILL,
            CourierCapability.CANCEL_WAYBILL, CourierCapability.MULTI_PACKAGE, CourierCapability.TRACK_QUERY,
            CourierCapability.TRACK_SUBSCRIBE, CourierCapability.TRACK_PUSH, CourierCapability.WAYBILL_BALANCE);

    private final KdniaoClient client;
    private final KdniaoSettings settings;
    private final Clock clock;

    public KdniaoConnector(KdniaoClient client, KdniaoSettings settings, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public CourierProvider provider() {
        return CourierProvider.KDNIAO;
    }

    @Override
    public Set<CourierCapability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Set<Carrier> carriers() {
        return KdniaoCodes.carriers();
    }

    @Override
    public String accountRef(Map<String, String> credentials) {
        return credentials.get("EBusinessID");
    }

    @Override
    public IssuedWaybill issueWaybill(CourierAccount account, Map<String, String> credentials, WaybillRequest request) {
        KdniaoMapper.Result result = call(account, credentials, KdniaoCodes.PATH_EORDER, KdniaoCodes.EORDER,
                KdniaoMapper.eOrderRequest(request, account, credentials));
        IssuedWaybill waybill = KdniaoMapper.waybill(result);
        if (waybill.trackingNumber() == null || waybill.trackingNumber().isBlank()) {
            throw new CourierException("no-number", "Kdniao 1007 succeeded without a LogisticCode", true);
        }
        return waybill;
    }

    @Override
    public void cancelWaybill(CourierAccount account, Map<String, String> credentials, String idempotencyKey, IssuedWaybill waybill) {
        call(account, credentials, KdniaoCodes.PATH_EORDER, KdniaoCodes.CANCEL,
                KdniaoMapper.cancelRequest(waybill.carrier(), idempotencyKey, waybill.trackingNumber(), credentials));
    }

    @Override
    public WaybillBalance balance(CourierAccount account, Map<String, String> credentials) {
        KdniaoMapper.Result result = call(account, credentials, KdniaoCodes.PATH_EORDER, KdniaoCodes.BALANCE,
                KdniaoMapper.balanceRequest(account.carrier(), credentials));
        try {
            return KdniaoMapper.balance(result);
        } catch (RuntimeException e) {
            throw new CourierException("bad-response", "Kdniao 1127: " + e.getMessage(), true, e);
        }
    }

    @Override
    public TraceSnapshot trace(CourierAccount account, Map<String, String> credentials, TraceQuery query) {
        String body = post(account, credentials, KdniaoCodes.PATH_QUERY, settings.queryType(), KdniaoMapper.traceRequest(query));
        KdniaoMapper.Result result = parse(body, settings.queryType());
        if (!result.success()) {
            if (result.resultCode() != null && !KdniaoCodes.OK.equals(result.resultCode())) {
                throw new CourierException(result.resultCode(), "Kdniao " + settings.queryType() + " refused: " + result.resultCode()
                        + " " + result.reason(), KdniaoCodes.retryable(result.resultCode()));
            }
            // a number without a trace is answered with Success=false and a reason, but no result code
            return new TraceSnapshot(query.carrier(), query.trackingNumber(), List.of(), null);
        }
        try {
            return KdniaoMapper.trace(result.body());
        } catch (RuntimeException e) {
            throw new CourierException("bad-response", "Kdniao " + settings.queryType() + ": " + e.getMessage(), true, e);
        }
    }

    @Override
    public void subscribe(CourierAccount account, Map<String, String> credentials, TraceQuery query) {
        call(account, credentials, KdniaoCodes.PATH_SUBSCRIBE, settings.subscribeType(), KdniaoMapper.traceRequest(query));
    }

    @Override
    public ReceivedPush readPush(PushRequest request, Function<String, List<Map<String, String>>> credentialsByRef) {
        String requestType = request.form().get("RequestType");
        String requestData = request.form().get("RequestData");
        String dataSign = request.form().get("DataSign");
        if (!KdniaoCodes.PUSH.equals(requestType) && !KdniaoCodes.PUSH_MONITOR.equals(requestType)) {
            throw new CourierException("push-type", "not a trace push: RequestType " + requestType, false);
        }
        if (requestData == null || dataSign == null) {
            throw new CourierException("push-fields", "a push needs RequestData and DataSign", false);
        }
        KdniaoMapper.Push push;
        try {
            push = KdniaoMapper.push(requestData);
        } catch (RuntimeException e) {
            throw new CourierException("push-format", "unreadable RequestData: " + e.getMessage(), false, e);
        }
        // the form value was decoded once by the servlet; the sign is compared as Kdniao computed it
        boolean signed = push.eBusinessId() != null && credentialsByRef.apply(push.eBusinessId()).stream()
                .anyMatch(c -> c.get("AppKey") != null && KdniaoSigner.dataSign(requestData, c.get("AppKey")).equals(dataSign));
        if (!signed) {
            throw new CourierException("push-sign", "DataSign does not match any account with EBusinessID " + push.eBusinessId(), false);
        }
        return new ReceivedPush(push.eBusinessId(), true, push.traces());
    }

    @Override
    public PushAnswer answerPush(String accountRef, boolean accepted, String reason) {
        return new PushAnswer(200, "application/json;charset=UTF-8", KdniaoMapper.pushReply(accountRef, clock.instant(), accepted, reason));
    }

    private KdniaoMapper.Result call(CourierAccount account, Map<String, String> credentials, String path, String requestType, String data) {
        KdniaoMapper.Result result = parse(post(account, credentials, path, requestType, data), requestType);
        if (!result.success() || (result.resultCode() != null && !KdniaoCodes.OK.equals(result.resultCode()))) {
            String code = result.resultCode() == null ? "refused" : result.resultCode();
            throw new CourierException(code, "Kdniao " + requestType + " refused: " + code + " " + result.reason(),
                    KdniaoCodes.retryable(code));
        }
        return result;
    }

    private String post(CourierAccount account, Map<String, String> credentials, String path, String requestType, String data) {
        return client.post(account.apiBaseUrl(), path, required(credentials, "EBusinessID"), required(credentials, "AppKey"),
                requestType, data);
    }

    private static KdniaoMapper.Result parse(String body, String requestType) {
        try {
            return KdniaoMapper.result(body);
        } catch (RuntimeException e) {
            throw new CourierException("bad-response", "Kdniao " + requestType + " returned an unreadable answer", true, e);
        }
    }

    private static String required(Map<String, String> credentials, String key) {
        String v = credentials.get(key);
        if (v == null || v.isBlank()) {
            throw new CourierException("credentials", "the Kdniao account lacks " + key, false);
        }
        return v;
    }
}
