package io.fahuo.fulfilment.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import io.fahuo.couriers.CourierAccounts;
import io.fahuo.couriers.Couriers;
import io.fahuo.couriers.domain.CourierAccount;
import io.fahuo.couriers.domain.IssuedWaybill;
import io.fahuo.couriers.domain.ParcelItem;
import io.fahuo.couriers.domain.Party;
import io.fahuo.couriers.domain.WaybillRequest;
import io.fahuo.fulfilment.Fulfilment;
import io.fahuo.fulfilment.StepFailure;
import io.fahuo.fulfilment.domain.HoldRules;
import io.fahuo.inventory.Skus;
import io.fahuo.inventory.Stock;
import io.fahuo.inventory.Warehouses;
import io.fahuo.inventory.domain.ReservationOutcome;
import io.fahuo.inventory.domain.SenderProfile;
import io.fahuo.inventory.domain.StockLine;
import io.fahuo.inventory.domain.Warehouse;
import io.fahuo.orders.OrderProgress;
import io.fahuo.orders.Orders;
import io.fahuo.orders.ReceiverVault;
import io.fahuo.orders.domain.Order;
import io.fahuo.orders.domain.OrderLine;
import io.fahuo.orders.domain.OrderStatus;
import io.fahuo.orders.domain.TimelineEntry.Outcome;
import io.fahuo.platforms.PlatformGateway;
import io.fahuo.platforms.Shops;
import io.fahuo.platforms.domain.ConfirmationOutcome;
import io.fahuo.platforms.domain.ReceiverPlaintext;
import io.fahuo.platforms.domain.Shop;
import io.fahuo.platforms.domain.ShippingConfirmation;
import io.fahuo.shared.ExternalCallException;
import io.fahuo.shipments.Labels;
import io.fahuo.shipments.Shipments;
import io.fahuo.shipments.domain.LabelSize;
import io.fahuo.shipments.domain.Shipment;
import io.fahuo.shipments.domain.WaybillSource;
import io.fahuo.tracking.Tracking;

/**
 * The steps between "paid" and "shipped": route and reserve → waybill → label → write-back and deduct.
 * Every step first reads the order's current state, so running them again after a crash resumes at the
 * step that did not commit; external calls carry idempotency keys (the shipment id for the courier; the
 * platform's "already shipped" is reconciled against our number). Used by the per-order job and by batches.
 */
@Component
public class PipelineSteps {

    private static final Logger log = LoggerFactory.getLogger(PipelineSteps.class);

    /** How far a run should take the order. */
    public enum Goal { WAYBILL_ISSUED, SHIPPED }

    /** What a run ends with when no exception was thrown. */
    public sealed interface Next permits Done, WaitFor {
    }

    public record Done() implements Next {
    }

    public record WaitFor(Duration delay) implements Next {
    }

    private final Orders orders;
    private final OrderProgress progress;
    private final ReceiverVault vault;
    private final Shops shops;
    private final PlatformGateway platforms;
    private final Warehouses warehouses;
    private final Skus skus;
    private final Stock stock;
    private final Shipments shipments;
    private final Labels labels;
    private final CourierAccounts accounts;
    private final Couriers couriers;
    private final SchedulerClient jobs;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Duration outOfStockRecheck;
    private final Tracking tracking;

    PipelineSteps(Orders orders, OrderProgress progress, ReceiverVault vault, Shops shops, PlatformGateway platforms,
                  Warehouses warehouses, Skus skus, Stock stock, Shipments shipments, Labels labels,
                  CourierAccounts accounts, Couriers couriers, SchedulerClient jobs, Clock clock,
                  PlatformTransactionManager txManager,
                  @Value("${fahuo.pipeline.out-of-stock-recheck:PT5M}") Duration outOfStockRecheck, Tracking tracking) {
        this.orders = orders;
        this.progress = progress;
        this.vault = vault;
        this.shops = shops;
        this.platforms = platforms;
        this.warehouses = warehouses;
        this.skus = skus;
        this.stock = stock;
        this.shipments = shipments;
        this.labels = labels;
        this.accounts = accounts;
        this.couriers = couriers;
        this.jobs = jobs;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
        this.outOfStockRecheck = outOfStockRecheck;
        this.tracking = tracking;
    }



    public Next advance(long tenantId, long orderId, int attempt, Goal goal) {
        String step = "ROUTE";
        try {
            Optional<Order> found = orders.find(tenantId, orderId);
            if (found.isEmpty()) {
                return new Done();
            }
            Order order = found.get();
            if (order.status() == OrderStatus.PENDING) {
                Shop shop = shops.get(tenantId, order.shopId());
                Optional<Next> routed = route(order, shop, attempt);
                if (routed.isPresent()) {
                    return routed.get();
                }
                step = "WAYBILL";
                issueWaybill(orders.get(tenantId, orderId), shop, attempt);
                order = orders.get(tenantId, orderId);
            }
            if (order.status() == OrderStatus.WAYBILL_ISSUED && goal == Goal.SHIPPED) {
                step = "WRITE_BACK";
                confirm(order, attempt);
            }
            return new Done();
        } catch (StepFailure | ExternalCallException e) {
            progress.record(tenantId, orderId, step, Outcome.ERROR, e.getMessage(), attempt);
            throw e;
        } catch (RuntimeException e) {
            log.warn("order {} step {} failed", orderId, step, e);
            progress.record(tenantId, orderId, step, Outcome.ERROR, e.getClass().getSimpleName() + ": " + e.getMessage(), attempt);
            throw e;
        }
    }

    /** Holds, warehouse, stock, parcel. Returns a result only when the order stops here. */
    private Optional<Next> route(Order order, Shop shop, int attempt) {
        long t = order.tenantId();
        Optional<String> hold = HoldRules.evaluate(skus.unknown(t, order.lines().stream().map(OrderLine::skuCode).toList()));
        if (hold.isPresent()) {
            progress.move(t, order.id(), Set.of(OrderStatus.PENDING), OrderStatus.ON_HOLD, hold.get(), "ROUTE", null);
            return Optional.of(new Done());
        }
        if (shop.defaultWarehouseId() == null) {
            throw new StepFailure("shop " + shop.name() + " has no default warehouse to ship from");
        }
        Warehouse warehouse = warehouses.get(t, shop.defaultWarehouseId());
        List<String> missing = warehouse.sender().missingFields();
        if (!missing.isEmpty()) {
            throw new StepFailure("warehouse " + warehouse.code() + " has no complete sender real-name profile (missing "
                    + String.join(", ", missing) + "); no waybill is issued without it");
        }
        boolean alreadyReserved = stock.holdsReservation(t, order.id());
        if (!alreadyReserved) {
            ReservationOutcome reserved = stock.reserve(t, order.id(), warehouse.id(), stockLines(order));
            if (!reserved.reserved()) {
                progress.record(t, order.id(), "ROUTE", Outcome.ERROR, "out of stock in " + warehouse.code() + ": "
                        + String.join(", ", reserved.shortSkus()) + "; waiting for stock", attempt);
                return Optional.of(new WaitFor(outOfStockRecheck));
            }
        }
        boolean stillPending = Boolean.TRUE.equals(tx.execute(s -> {
            if (progress.lock(t, order.id()).orElse(null) != OrderStatus.PENDING) {
                // cancelled (or held) while we reserved: give the stock back
                stock.release(t, order.id());
                return false;
            }
            progress.assignWarehouse(t, order.id(), warehouse.id());
            shipments.openSingleParcel(t, order.id(), warehouse.id());
            if (!alreadyReserved) {
                progress.record(t, order.id(), "ROUTE", Outcome.OK, "routed to " + warehouse.code() + ", stock reserved", attempt);
            }
            return true;
        }));
        return stillPending ? Optional.empty() : Optional.of(new Done());
    }

    private void issueWaybill(Order order, Shop shop, int attempt) {
        long t = order.tenantId();
        if (order.status() != OrderStatus.PENDING) {
            return;
        }
        Shipment parcel = shipments.find(t, order.id(), 1).orElseThrow(() -> new StepFailure("order has no parcel yet"));
        if (parcel.hasWaybill()) {
            tx.executeWithoutResult(s -> progress.move(t, order.id(), Set.of(OrderStatus.PENDING), OrderStatus.WAYBILL_ISSUED,
                    null, "WAYBILL", "waybill " + parcel.trackingNumber() + " already on the parcel"));
            return;
        }
        CourierAccount account = accounts.defaultAccount(t)
                .orElseThrow(() -> new StepFailure("no courier account is set up to issue waybills"));
        Warehouse warehouse = warehouses.get(t, parcel.warehouseId());
        ReceiverPlaintext receiver = platforms.revealReceiver(t, shop.id(), order.platformOrderId(),
                vault.open(t, order.id(), ReceiverVault.Purpose.WAYBILL, "pipeline"));
        SenderProfile sp = warehouse.sender();
        List<StockLine> lines = stockLines(order);
        WaybillRequest request = new WaybillRequest(parcel.waybillKey(), account.carrier(),
                new Party(sp.name(), sp.phone(), sp.company(), sp.province(), sp.city(), sp.district(), sp.address()),
                new Party(receiver.name(), receiver.phone(), null, receiver.province(), receiver.city(), receiver.district(),
                        (receiver.street() == null ? "" : receiver.street()) + receiver.detail()),
                order.lines().stream().map(l -> new ParcelItem(l.productName(), l.skuCode(), l.quantity())).toList(),
                skus.totalWeightGrams(t, lines), null);
        IssuedWaybill waybill = couriers.issue(t, account.id(), request);
        tx.executeWithoutResult(s -> {
            OrderStatus now = progress.lock(t, order.id()).orElseThrow();
            if (!shipments.recordWaybill(t, parcel.id(), account.id(), waybill)) {
                return;
            }
            String msg = waybill.carrier() + " waybill " + waybill.trackingNumber() + " (大头笔 " + waybill.markDestination()
                    + ", " + waybill.sortingCode() + ")";
            if (now == OrderStatus.PENDING) {
                progress.move(t, order.id(), Set.of(OrderStatus.PENDING), OrderStatus.WAYBILL_ISSUED, null, "WAYBILL", msg);
            } else {
                // the order was cancelled or held while the courier answered: keep the number, take it back
                progress.record(t, order.id(), "WAYBILL", Outcome.INFO, msg + " arrived after the order became " + now, attempt);
                if (now == OrderStatus.CANCELLED) {
                    jobs.scheduleIfNotExists(PipelineJobs.CANCEL_WAYBILL.instance(Long.toString(parcel.id()))
                            .data(PipelineJobs.data(t, parcel.id())).scheduledTo(clock.instant()));
                }
            }
        });
    }

    private void confirm(Order order, int attempt) {
        long t = order.tenantId();
        Shipment parcel = shipments.find(t, order.id(), 1).orElseThrow(() -> new StepFailure("order has no parcel"));
        if (!parcel.hasWaybill() || parcel.waybillSource() == null
                || !(parcel.waybillSource().trusted() || parcel.waybillSource() == WaybillSource.HAND_ENTERED)) {
            throw new StepFailure("parcel " + parcel.id() + " has no courier-issued waybill; nothing is written back");
        }
        if (!parcel.waybillSource().trusted() && !tracking.courierConfirmed(t, parcel.id())) {
            // a hand-entered number reaches the platform only once a courier trace confirms it; the order
            // waits on hold and is released when tracking reports the confirmation
            tx.executeWithoutResult(s -> {
                progress.lock(t, order.id());
                if (!tracking.courierConfirmed(t, parcel.id())) {
                    progress.move(t, order.id(), Set.of(OrderStatus.WAYBILL_ISSUED), OrderStatus.ON_HOLD,
                            Fulfilment.AWAITING_COURIER_CONFIRMATION + parcel.carrier() + " " + parcel.trackingNumber(), "WRITE_BACK", null);
                }
            });
            return;
        }
        if (parcel.labelRenderedAt() == null) {
            byte[] pdf = labels.pdf(t, parcel.id(), LabelSize.S76X130);
            shipments.markLabelRendered(t, parcel.id());
            progress.record(t, order.id(), "LABEL", Outcome.OK, "label rendered (76x130, " + pdf.length / 1024 + " KiB)", attempt);
        }
        ConfirmationOutcome outcome = platforms.confirmShipping(t, order.shopId(),
                new ShippingConfirmation(order.platformOrderId(), parcel.carrier(), parcel.trackingNumber(), parcel.waybillKey()));
        tx.executeWithoutResult(s -> {
            if (progress.lock(t, order.id()).orElse(null) != OrderStatus.WAYBILL_ISSUED) {
                return;
            }
            switch (outcome.kind()) {
                case CONFIRMED -> {
                    shipments.markShipped(t, parcel.id());
                    stock.deductShipped(t, order.id());
                    progress.move(t, order.id(), Set.of(OrderStatus.WAYBILL_ISSUED), OrderStatus.SHIPPED, null, "WRITE_BACK",
                            order.platform() + " confirmed shipping with " + parcel.carrier() + " " + parcel.trackingNumber());
                }
                case CANCELLED_ON_PLATFORM -> {
                    progress.move(t, order.id(), Set.of(OrderStatus.WAYBILL_ISSUED), OrderStatus.CANCELLED, null, "WRITE_BACK",
                            "the platform reports the order cancelled: " + outcome.detail());
                    stock.release(t, order.id());
                    jobs.scheduleIfNotExists(PipelineJobs.CANCEL_WAYBILL.instance(Long.toString(parcel.id()))
                            .data(PipelineJobs.data(t, parcel.id())).scheduledTo(clock.instant()));
                }
                case HELD_BY_PLATFORM, SHIPPED_ELSEWHERE, REJECTED -> progress.move(t, order.id(),
                        Set.of(OrderStatus.WAYBILL_ISSUED), OrderStatus.ON_HOLD, "platform: " + outcome.detail(), "WRITE_BACK", null);
            }
        });
    }

    private static List<StockLine> stockLines(Order order) {
        return order.lines().stream().map(l -> new StockLine(l.skuCode(), l.quantity())).toList();
    }
}
