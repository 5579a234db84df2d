package io.fahuo.simulator.doudian;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.fahuo.simulator.DemoCatalog;

/** Makes believable Douyin orders: Chinese names and addresses, one to three SKUs, sometimes remarks. */
public final class SimOrderFactory {

    /**
     * What kind of order to make. {@code status} 2 = paid and shippable (default), 1 = unpaid, 105 = risk review.
     * {@code skuCodes} picks products by merchant code (unknown codes make a product the merchant never mapped).
     */
    /**
     * {@code receiverOf}: the same buyer and address as an earlier order (a second purchase, for 合单).
     * {@code sellerWords}: the merchant's remark. {@code presaleDays}: a presale (预售) order, to ship by this
     * many days after payment instead of 48 hours.
     */
    public record Spec(Integer status, List<String> skuCodes, String buyerWords, boolean longAddress, boolean emoji, String province,
                       String receiverOf, String sellerWords, Integer presaleDays) {
        public static final Spec DEFAULT = new Spec(null, null, null, false, false, null, null, null, null);

        public Spec(Integer status, List<String> skuCodes, String buyerWords, boolean longAddress, boolean emoji, String province,
                    String receiverOf) {
            this(status, skuCodes, buyerWords, longAddress, emoji, province, receiverOf, null, null);
        }
    }

    private static final String[] FAMILY = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "欧阳", "司马"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "霞", "平"};
    private static final String[][] PLACES = {
            {"浙江省", "杭州市", "西湖区", "西溪街道", "文三路"},
            {"浙江省", "杭州市", "余杭区", "五常街道", "文一西路"},
            {"广东省", "深圳市", "南山区", "粤海街道", "科技园南路"},
            {"广东省", "广州市", "天河区", "石牌街道", "天河北路"},
            {"上海市", "上海市", "浦东新区", "张江镇", "碧波路"},
            {"北京市", "北京市", "朝阳区", "望京街道", "阜通东大街"},
            {"四川省", "成都市", "武侯区", "红牌楼街道", "佳灵路"},
            {"湖北省", "武汉市", "洪山区", "关山街道", "光谷大道"},
            {"江苏省", "南京市", "鼓楼区", "华侨路街道", "中山北路"},
            {"新疆维吾尔自治区", "乌鲁木齐市", "天山区", "燕儿窝街道", "新华南路"}};
    private static final String[] REMARKS = {"请尽快发货", "不要放快递柜", "送人的,别放发票", "<script>alert('x')</script>麻烦加急"};

    SimOrder create(String orderId, String shopId, Instant now, Spec spec, List<DemoCatalog.Product> catalog) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        List<SimOrder.SkuOrder> skus = new ArrayList<>();
        List<DemoCatalog.Product> chosen = new ArrayList<>();
        if (spec.skuCodes() != null && !spec.skuCodes().isEmpty()) {
            for (String code : spec.skuCodes()) {
                chosen.add(catalog.stream().filter(p -> p.code().equals(code)).findFirst()
                        .orElse(new DemoCatalog.Product("3589999999999", "1769999999999", code, "未映射商品 " + code, "规格:默认", 990, 100)));
            }
        } else {
            int lines = 1 + (r.nextInt(10) < 7 ? 0 : r.nextInt(1, 3));
            for (int i = 0; i < lines; i++) {
                DemoCatalog.Product p = catalog.get(r.nextInt(catalog.size()));
                if (!chosen.contains(p)) {
                    chosen.add(p);
                }
            }
        }
        int n = 1;
        for (DemoCatalog.Product p : chosen) {
            int qty = r.nextInt(10) < 8 ? 1 : 2;
            skus.add(new SimOrder.SkuOrder(orderId.substring(0, orderId.length() - 1) + n++, p.productId(), p.skuId(), p.code(),
                    p.name(), p.spec(), qty, p.priceFen() * qty));
        }
        SimOrder o = new SimOrder(orderId, shopId, now, skus, 0);
        o.status = spec.status() == null ? 2 : spec.status();
        o.updateTime = now;
        if (o.status != 1) {
            o.payTime = now;
            o.expShipTime = spec.presaleDays() == null ? now.plus(Duration.ofHours(48)) : now.plus(Duration.ofDays(spec.presaleDays()));
        }
        o.sellerWords = spec.sellerWords();
        String[] place = spec.province() == null ? PLACES[r.nextInt(PLACES.length)]
                : java.util.Arrays.stream(PLACES).filter(pl -> pl[0].startsWith(spec.province())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no simulated address in " + spec.province()));
        String name = FAMILY[r.nextInt(FAMILY.length)] + GIVEN[r.nextInt(GIVEN.length)];
        String tel = "1" + (3 + r.nextInt(7)) + String.format("%09d", r.nextLong(1_000_000_000L));
        String detail = place[4] + (r.nextInt(1, 999)) + "号" + (r.nextInt(1, 30)) + "幢" + (r.nextInt(1, 3000)) + "室";
        if (spec.longAddress()) {
            detail = detail + "(近地铁站B口,从东门进入后右转第二个路口左转,走到底看到蓝色大门的快递驿站旁边的单元楼,电话联系不上请放门卫室)";
        }
        if (spec.emoji()) {
            detail = detail + " 🏠✨ 𠀀";
            name = name + "🌸";
        }
        o.receiver = new SimOrder.Receiver(name, tel, place[0], place[1], place[2], place[3], detail);
        if (spec.buyerWords() != null) {
            o.buyerWords = spec.buyerWords();
        } else if (r.nextInt(10) == 0) {
            o.buyerWords = REMARKS[r.nextInt(REMARKS.length)];
        }
        return o;
    }
}
