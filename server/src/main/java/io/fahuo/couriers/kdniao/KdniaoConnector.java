package io.fahuo.couriers.kdniao;

import java.util.Map;

import io.fahuo.couriers.CourierConnector;
import io.fahuo.couriers.CourierException;
import io.fahuo.couriers.domain.CourierAccount;
import io.fahuo.couriers.domain.CourierProvider;
import io.fahuo.couriers.domain.IssuedWaybill;
import io.fahuo.couriers.domain.WaybillRequest;

/** Kdniao (快递鸟), the aggregator: one account reaches many carriers' e-waybill systems. */
public class KdniaoConnector implements CourierConnector {

    private final KdniaoClient client;

    public KdniaoConnector(KdniaoClient client) {
        this.client = client;
    }

    @Override
    public CourierProvider provider() {
        return CourierProvider.KDNIAO;
    }

    @Override
    public IssuedWaybill issueWaybill(CourierAccount account, Map<String, String> credentials, WaybillRequest request) {
        String body = client.post(account.apiBaseUrl(), KdniaoCodes.PATH_EORDER, required(credentials, "EBusinessID"),
                required(credentials, "AppKey"), KdniaoCodes.EORDER, KdniaoMapper.eOrderRequest(request, credentials, account.payType()));
        KdniaoMapper.Result result = parse(body);
        if (!result.success() || !KdniaoCodes.OK.equals(result.resultCode())) {
            throw new CourierException(result.resultCode(), "Kdniao 1007 refused: " + result.resultCode() + " " + result.reason(),
                    KdniaoCodes.retryable(result.resultCode()));
        }
        IssuedWaybill waybill = KdniaoMapper.waybill(result.order());
        if (waybill.trackingNumber() == null || waybill.trackingNumber().isBlank()) {
            throw new CourierException("no-number", "Kdniao 1007 succeeded without a LogisticCode", true);
        }
        return waybill;
    }

    @Override
    public void cancelWaybill(CourierAccount account, Map<String, String> credentials, String idempotencyKey, IssuedWaybill waybill) {
        String body = client.post(account.apiBaseUrl(), KdniaoCodes.PATH_EORDER, required(credentials, "EBusinessID"),
                required(credentials, "AppKey"), KdniaoCodes.CANCEL,
                KdniaoMapper.cancelRequest(waybill.carrier(), idempotencyKey, waybill.trackingNumber(), credentials));
        KdniaoMapper.Result result = parse(body);
        if (!result.success()) {
            throw new CourierException(result.resultCode(), "Kdniao 1147 refused: " + result.resultCode() + " " + result.reason(),
                    KdniaoCodes.retryable(result.resultCode()));
        }
    }

    private static KdniaoMapper.Result parse(String body) {
        try {
            return KdniaoMapper.result(body);
        } catch (RuntimeException e) {
            throw new CourierException("bad-response", "Kdniao returned an unreadable answer", true, e);
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
