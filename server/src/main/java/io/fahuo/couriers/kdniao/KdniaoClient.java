package io.fahuo.couriers.kdniao;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;

import io.fahuo.couriers.CourierFormClient;

/** HTTP transport of Kdniao: a form POST of RequestData, EBusinessID, RequestType, DataSign, DataType=2. */
public class KdniaoClient {

    private final CourierFormClient http;

    public KdniaoClient(HttpClient http, KdniaoSettings settings) {
        this.http = new CourierFormClient(http, settings.timeout());
    }

    public String post(String baseUrl, String path, String eBusinessId, String appKey, String requestType, String requestData) {
        String form = "RequestData=" + enc(requestData)
                + "&EBusinessID=" + enc(eBusinessId)
                + "&RequestType=" + enc(requestType)
                + "&DataSign=" + enc(KdniaoSigner.dataSign(requestData, appKey))
                + "&DataType=2";
        return http.post(baseUrl, path, form, "Kdniao " + requestType);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
