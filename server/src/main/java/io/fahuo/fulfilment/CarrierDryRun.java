package io.fahuo.fulfilment;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.fahuo.couriers.CourierAccounts;
import io.fahuo.fulfilment.domain.CarrierSelection;
import io.fahuo.fulfilment.internal.PipelineSteps;
import io.fahuo.inventory.Skus;
import io.fahuo.inventory.domain.StockLine;
import io.fahuo.orders.Orders;
import io.fahuo.orders.domain.Order;
import io.fahuo.platforms.Shops;
import io.fahuo.shared.InvalidRequestException;
import io.fahuo.shipments.Shipments;

/** Tries the current carrier rules on past orders, so a merchant sees what a rule change would do before it ships anything. */
@Service
public class CarrierDryRun {

    public record Verdict(long orderId, String platformOrderId, String province, String actualCarrier, long wouldUseAccountId,
                          String wouldUseCarrier, String explanation, boolean changes) {
    }

    private final JdbcClient jdbc;
    private final Orders orders;
    private final Shops shops;
    private final Skus skus;
    private final Shipments shipments;
    private final CourierAccounts accounts;
    private final PipelineSteps steps;

    CarrierDryRun(JdbcClient jdbc, Orders orders, Shops shops, Skus skus, Shipments shipments, CourierAccounts accounts, PipelineSteps steps) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.shops = shops;
        this.skus = skus;
        this.shipments = shipments;
        this.accounts = accounts;
        this.steps = steps;
    }

    /** The given orders, or (none given) the most recent {@code limit} orders that got a waybill. */
    public List<Verdict> run(long tenantId, List<Long> orderIds, int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidRequestException("limit must be between 1 and 500");
        }
        List<Long> ids = orderIds != null && !orderIds.isEmpty() ? orderIds : jdbc.sql("""
                select s.order_id, max(s.waybill_issued_at) as at from shipment s
                where s.tenant_id = ? and s.tracking_number is not null group by s.order_id order by at desc limit ?""")
                .params(tenantId, limit).query((rs, n) -> rs.getLong(1)).list();
        if (ids.size() > 500) {
            throw new InvalidRequestException("at most 500 orders per dry run");
        }
        return ids.stream().map(id -> verdict(tenantId, orders.get(tenantId, id))).toList();
    }

    private Verdict verdict(long tenantId, Order order) {
        var demand = skus.expand(tenantId, order.lines().stream().filter(l -> l.skuCode() != null)
                .map(l -> new StockLine(l.skuCode(), l.quantity())).toList());
        Set<String> codes = new TreeSet<>(demand.keySet());
        CarrierSelection.Choice choice = steps.chooseCarrier(tenantId, order, shops.get(tenantId, order.shopId()), codes,
                skus.weightGrams(tenantId, demand), order.amountFen());
        String actual = shipments.forOrder(tenantId, order.id()).stream().filter(s -> s.carrier() != null)
                .map(s -> s.carrier().name()).findFirst().orElse(null);
        String would = accounts.get(tenantId, choice.courierAccountId()).carrier().name();
        return new Verdict(order.id(), order.platformOrderId(), order.receiver().province(), actual, choice.courierAccountId(), would,
                choice.explanation(), actual != null && !actual.equals(would));
    }
}
