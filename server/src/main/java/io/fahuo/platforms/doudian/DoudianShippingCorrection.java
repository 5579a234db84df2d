package io.fahuo.platforms.doudian;

import java.util.List;
import java.util.Map;

import io.fahuo.platforms.PlatformException;
import io.fahuo.platforms.ShippingCorrection;
import io.fahuo.platforms.domain.ConfirmationOutcome;
import io.fahuo.platforms.domain.ConfirmationOutcome.Kind;
import io.fahuo.platforms.domain.Platform;
import io.fahuo.platforms.domain.ShopCredentials;
import io.fahuo.shared.Carrier;
import tools.jackson.databind.JsonNode;

/**
 * {@code order.logisticsEdit}: replaces the number Douyin shows for a shipped order. Douyin is asked first what
 * it shows, so a repeated correction (a retry after a lost answer) changes nothing.
 */
public class DoudianShippingCorrection implements ShippingCorrection {

    private final DoudianConnector doudian;

    public DoudianShippingCorrection(DoudianConnector doudian) {
        this.doudian = doudian;
    }

    @Override
    public Platform platform() {
        return Platform.DOUDIAN;
    }

    @Override
    public ConfirmationOutcome correct(ShopCredentials shop, String platformOrderId, Carrier carrier, String trackingNumber) {
        String company = DoudianCodes.companyCode(carrier);
        if (company == null) {
            return ConfirmationOutcome.of(Kind.REJECTED, "Douyin has no company code for " + carrier);
        }
        try {
            JsonNode detail = doudian.call(shop, "order.orderDetail", Map.of("shop_order_id", platformOrderId)).path("shop_order_detail");
            List<String> shown = DoudianMapper.trackingNumbers(detail);
            if (shown.equals(List.of(trackingNumber))) {
                return ConfirmationOutcome.confirmed();
            }
            doudian.call(shop, "order.logisticsEdit", DoudianLogisticsMapper.logisticsEditParams(platformOrderId, company, trackingNumber));
            return ConfirmationOutcome.confirmed();
        } catch (PlatformException e) {
            int business = DoudianCodes.businessCode(e.code());
            if (business < 0) {
                throw e;
            }
            return switch (business) {
                case DoudianCodes.CANCELLED -> ConfirmationOutcome.of(Kind.CANCELLED_ON_PLATFORM, e.getMessage());
                case DoudianCodes.REFUND_PENDING, DoudianCodes.RISK_REVIEW -> ConfirmationOutcome.of(Kind.HELD_BY_PLATFORM, e.getMessage());
                default -> ConfirmationOutcome.of(Kind.REJECTED, e.getMessage());
            };
        }
    }
}
