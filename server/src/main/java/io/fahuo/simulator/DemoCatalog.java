package io.fahuo.simulator;

import java.util.List;

/**
 * The products the simulated Douyin shop sells. Fahuo's demo tenant has SKUs with the same merchant codes,
 * as a real merchant would after mapping their catalogue.
 */
public final class DemoCatalog {

    public record Product(String productId, String skuId, String code, String name, String spec, long priceFen, int weightGrams) {
    }

    public static final List<Product> PRODUCTS = List.of(
            new Product("3581000000001", "1768000000101", "FH-TEE-WHT-M", "纯棉短袖T恤", "颜色:白色;尺码:M", 4900, 200),
            new Product("3581000000001", "1768000000102", "FH-TEE-BLK-L", "纯棉短袖T恤", "颜色:黑色;尺码:L", 4900, 210),
            new Product("3581000000002", "1768000000201", "FH-MUG-350", "陶瓷马克杯 350ml", "颜色:奶白", 3900, 450),
            new Product("3581000000003", "1768000000301", "FH-SOCK-3P", "运动中筒袜 三双装", "尺码:均码", 2990, 150),
            new Product("3581000000004", "1768000000401", "FH-CASE-IP15", "磨砂手机壳", "型号:iPhone 15", 1990, 60));

    private DemoCatalog() {
    }
}
