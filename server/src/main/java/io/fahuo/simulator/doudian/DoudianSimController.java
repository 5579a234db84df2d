package io.fahuo.simulator.doudian;

import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The simulated platform's HTTP face: {@code POST /sim/doudian/<group>/<action>} and its control endpoints. */
@RestController
@RequestMapping(path = "/sim/doudian", produces = MediaType.APPLICATION_JSON_VALUE)
@ConditionalOnProperty(name = "fahuo.sim.enabled", havingValue = "true")
class DoudianSimController {

    private final DoudianPlatform platform;

    DoudianSimController(DoudianPlatform platform) {
        this.platform = platform;
    }

    @PostMapping("/{group:[a-zA-Z]+}/{action:[a-zA-Z]+}")
    ResponseEntity<?> openApi(@PathVariable String group, @PathVariable String action,
                              @RequestParam Map<String, String> query, @RequestBody(required = false) String body)
            throws InterruptedException {
        int latency = platform.knobs().latencyMillis();
        if (latency > 0) {
            Thread.sleep(latency);
        }
        if (platform.rollGatewayFailure()) {
            return ResponseEntity.status(HttpStatus.BAD_GATEWAY).build();
        }
        return ResponseEntity.ok(platform.handle(group + "." + action, query, body));
    }

    public record QuietChange(Integer status, Integer afterSaleStatus, String trackingNo) {
    }

    /** Changes an order without its push (a lost message): only a fetch or a refused write-back reveals it. */
    @PostMapping(path = "/_control/orders/{id}/quietly", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> changeQuietly(@PathVariable String id, @RequestBody QuietChange change) {
        return Map.of("changed", platform.changeQuietly(id, change.status(), change.afterSaleStatus(), change.trackingNo()));
    }

    public record CreateOrders(String shopId, Integer count, Integer status, List<String> skuCodes, String buyerWords, Boolean longAddress,
                               Boolean emoji, String province, String receiverOf, String sellerWords, Integer presaleDays) {
    }

    @PostMapping(path = "/_control/orders", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> create(@RequestBody CreateOrders req) {
        int count = req.count() == null ? 1 : req.count();
        if (count < 1 || count > 100_000) {
            return ResponseEntity.badRequest().body(Map.of("error", "count must be 1..100000"));
        }
        String shop = req.shopId() == null || req.shopId().isBlank() ? null : req.shopId();
        if (req.presaleDays() != null && (req.presaleDays() < 1 || req.presaleDays() > 60)) {
            return ResponseEntity.badRequest().body(Map.of("error", "presaleDays must be 1..60"));
        }
        SimOrderFactory.Spec spec = new SimOrderFactory.Spec(req.status(), req.skuCodes(),
                req.buyerWords(), Boolean.TRUE.equals(req.longAddress()), Boolean.TRUE.equals(req.emoji()), req.province(), req.receiverOf(),
                req.sellerWords(), req.presaleDays());
        try {
            return ResponseEntity.ok(Map.of("order_ids", shop == null ? platform.createOrders(count, spec) : platform.createOrders(shop, count, spec)));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
        }
    }


    @PostMapping("/_control/shops/{shopId}")
    Map<String, Object> authorize(@PathVariable String shopId) {
        platform.authorizeShop(shopId);
        return Map.of("authorized", shopId);
    }

    /** A merchant consents to this app as a tool app: the authorisation code its callback would get. */
    @PostMapping("/_control/shops/{shopId}/authorization-code")
    Map<String, Object> authorizationCode(@PathVariable String shopId) {
        return Map.of("code", platform.authorizationCode(shopId));
    }

    @PostMapping("/_control/tokens/{accessToken}/revoke")
    Map<String, Object> revoke(@PathVariable String accessToken) {
        platform.revokeToken(accessToken);
        return Map.of("revoked", true);
    }

    @GetMapping("/_control/orders")
    List<String> orderIds() {
        return platform.orderIds();
    }

    @GetMapping("/_control/orders/{id}")
    ResponseEntity<Map<String, Object>> order(@PathVariable String id) {
        Map<String, Object> o = platform.snapshot(id);
        return o == null ? ResponseEntity.status(HttpStatus.NOT_FOUND).build() : ResponseEntity.ok(o);
    }

    @PostMapping("/_control/orders/{id}/cancel")
    Map<String, Object> cancel(@PathVariable String id) {
        return Map.of("cancelled", platform.cancel(id));
    }

    @PostMapping("/_control/orders/{id}/pay")
    Map<String, Object> pay(@PathVariable String id) {
        return Map.of("paid", platform.pay(id));
    }

    /** The buyer's address changes (tag 105; with {@code requested=true} first the request, tag 111). */
    @PostMapping("/_control/orders/{id}/address")
    Map<String, Object> changeAddress(@PathVariable String id, @RequestParam(required = false) String province,
                                      @RequestParam(defaultValue = "false") boolean requested) {
        return Map.of("changed", platform.changeAddress(id, province, requested));
    }

    @PostMapping("/_control/orders/{id}/refund")
    Map<String, Object> openRefund(@PathVariable String id) {
        return Map.of("opened", platform.openRefund(id));
    }

    @PostMapping("/_control/orders/{id}/refund/complete")
    Map<String, Object> completeRefund(@PathVariable String id) {
        return Map.of("refunded", platform.completeRefund(id));
    }

    @PostMapping("/_control/orders/{id}/refund/withdraw")
    Map<String, Object> withdrawRefund(@PathVariable String id) {
        return Map.of("withdrawn", platform.withdrawRefund(id));
    }

    public record Remark(String remark) {
    }

    @PostMapping(path = "/_control/orders/{id}/seller-remark", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> sellerRemark(@PathVariable String id, @RequestBody Remark remark) {
        return Map.of("set", platform.setSellerRemark(id, remark.remark()));
    }

    public record PushUrl(String url) {
    }

    /** Where the message push goes (the app's subscription URL); "off" stops pushing. */
    @PostMapping(path = "/_control/push-url", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> pushUrl(@RequestBody PushUrl url) {
        platform.pusher().setUrl(url.url());
        return Map.of("url", platform.pusher().url());
    }

    /** Every push attempt so far (tag, msg_id, body, attempt, acknowledged). */
    @GetMapping("/_control/pushes")
    List<DoudianPusher.Sent> pushes() {
        return platform.pusher().sent();
    }

    @GetMapping("/_control/ledger")
    List<DoudianPlatform.WriteBack> ledger() {
        return platform.ledger();
    }

    /** The knobs as posted; what is left out is off. */
    public record KnobsRequest(Integer latencyMillis, Double errorRate, Integer qpsLimit, Double http5xxRate, Double lostReplyRate) {
    }

    @PostMapping(path = "/_control/knobs", consumes = MediaType.APPLICATION_JSON_VALUE)
    DoudianPlatform.Knobs knobs(@RequestBody KnobsRequest r) {
        DoudianPlatform.Knobs knobs = new DoudianPlatform.Knobs(r.latencyMillis() == null ? 0 : r.latencyMillis(),
                r.errorRate() == null ? 0 : r.errorRate(), r.qpsLimit() == null ? 0 : r.qpsLimit(),
                r.http5xxRate() == null ? 0 : r.http5xxRate(), r.lostReplyRate() == null ? 0 : r.lostReplyRate());
        platform.setKnobs(knobs);
        return knobs;
    }

    /** Failures the knobs injected so far, by kind (20000, 60000, http-502, lost-reply). */
    @GetMapping("/_control/faults")
    Map<String, Long> faults() {
        return platform.faults();
    }

    @PostMapping("/_control/reset")
    Map<String, Object> reset() {
        platform.reset();
        return Map.of("reset", true);
    }
}
