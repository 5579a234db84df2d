package io.fahuo.simulator.doudian;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An order as the simulated platform keeps it, receiver in clear (the platform may see it; Fahuo may not). */
final class SimOrder {

    record Receiver(String name, String tel, String province, String city, String town, String street, String detail) {
    }

    record SkuOrder(String subOrderId, String productId, String skuId, String code, String productName, String spec,
                    int itemNum, long payAmount) {
    }

    record Logistics(String trackingNo, String companyCode, String companyName, Instant shipTime) {
    }

    final String orderId;
    final String shopId;
    final Instant createTime;
    final List<SkuOrder> skus;
    final long postAmount;
    int status;
    Instant updateTime;
    Instant payTime;
    Instant expShipTime;
    Instant shipTime;
    String buyerWords;
    String sellerWords;
    Receiver receiver;
    String cipherName;
    String cipherTel;
    String cipherDetail;
    /** 0 none; 6 refund requested (pending); 12 refund succeeded. */
    int afterSaleStatus;
    final List<Logistics> logistics = new ArrayList<>();

    SimOrder(String orderId, String shopId, Instant createTime, List<SkuOrder> skus, long postAmount) {
        this.orderId = orderId;
        this.shopId = shopId;
        this.createTime = createTime;
        this.skus = List.copyOf(skus);
        this.postAmount = postAmount;
    }

    long payAmount() {
        return skus.stream().mapToLong(SkuOrder::payAmount).sum() + postAmount;
    }
}
