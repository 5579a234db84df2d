package io.fahuo.platforms.doudian;

import io.fahuo.platforms.PlatformException;
import io.fahuo.platforms.StockSync;
import io.fahuo.platforms.domain.Platform;
import io.fahuo.platforms.domain.ShopCredentials;

/** {@code sku.syncStock} by merchant code ({@code code}, the Fahuo SKU code the shop's products carry). */
public class DoudianStockSync implements StockSync {

    /** {@code isv.parameter-invalid:40010}: this idempotent_id was applied before. */
    static final int IDEMPOTENT_ID_USED = 40010;

    private final DoudianConnector doudian;

    public DoudianStockSync(DoudianConnector doudian) {
        this.doudian = doudian;
    }

    @Override
    public Platform platform() {
        return Platform.DOUDIAN;
    }

    @Override
    public void push(ShopCredentials shop, String skuCode, boolean incremental, String idempotentId, long stockNum) {
        try {
            doudian.call(shop, "sku.syncStock", DoudianLogisticsMapper.syncStockParams(skuCode, incremental, idempotentId, stockNum));
        } catch (PlatformException e) {
            if (incremental && DoudianCodes.businessCode(e.code()) == IDEMPOTENT_ID_USED) {
                return;
            }
            throw e;
        }
    }
}
