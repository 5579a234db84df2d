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
import io.fahuo.couriers.domain.CourierCapability;
import io.fahuo.couriers.domain.IssuedWaybill;
import io.fahuo.couriers.domain.ParcelItem;
import io.fahuo.couriers.domain.Party;
import io.fahuo.couriers.domain.PlatformReceiver;
import io.fahuo.couriers.domain.WaybillRequest;
import io.fahuo.fulfilment.Fulfilment;
import io.fahuo.fulfilment.StepFailure;
import io.fahuo.fulfilment.FulfilmentRules;
import io.fahuo.fulfilment.domain.CarrierSelection;
import io.fahuo.fulfilment.domain.HoldRules;
import io.fahuo.fulfilment.domain.OrderFacts;
import io.fahuo.fulfilment.domain.WarehouseRouting;
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
import io.fahuo.printing.PrintJobs;
import io.fahuo.shipments.Labels;
import io.fahuo.shipments.Shipments;
import io.fahuo.shipments.domain.LabelSize;
import io.fahuo.shipments.domain.Shipment;
import io.fahuo.shipments.domain.ShipmentStatus;
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
    private final PrintJobs printJobs;
    private final CourierAccounts accounts;
    private final Couriers couriers;
    private final SchedulerClient jobs;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Duration outOfStockRecheck;
    private final FulfilmentRules rules;
    private final Tracking tracking;

    PipelineSteps(Orders orders, OrderProgress progress, ReceiverVault vault, Shops shops, PlatformGateway platforms,
                  Warehouses warehouses, Skus skus, Stock stock, Shipments shipments, Labels labels, PrintJobs printJobs,
                  CourierAccounts accounts, Couriers couriers, SchedulerClient jobs, Clock clock,
                  PlatformTransactionManager txManager, FulfilmentRules rules,
                  @Value("${fahuo.pipeline.out-of-stock-recheck:PT5M}") Duration outOfStockRecheck, Tracking tracking) {
        this.rules = rules;
        this.tracking = tracking;
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
        this.printJobs = printJobs;
        this.accounts = accounts;
        this.couriers = couriers;
        this.jobs = jobs;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
        this.outOfStockRecheck = outOfStockRecheck;
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

    /** Holds, warehouse routing, stock, parcels. Returns a result only when the order stops here. */
    private Optional<Next> route(Order order, Shop shop, int attempt) {
        long t = order.tenantId();
        if (!shipments.forOrder(t, order.id()).isEmpty()) {
            return Optional.empty();
        }
        OrderFacts facts = new OrderFacts(order.buyerRemark(), order.sellerRemark(), order.amountFen(),
                skus.unknown(t, order.lines().stream().map(OrderLine::skuCode).toList()));
        // a person already reviewed and released it: only what makes shipping impossible holds it again
        Optional<String> hold = HoldRules.evaluate(facts, progress.reviewed(t, order.id()) ? List.of() : rules.holdRules(t));
        if (hold.isPresent()) {
            progress.move(t, order.id(), Set.of(OrderStatus.PENDING), OrderStatus.ON_HOLD, hold.get(), "ROUTE", null);
            return Optional.of(new Done());
        }
        List<Warehouse> all = warehouses.list(t);
        List<WarehouseRouting.Line> lines = order.lines().stream()
                .map(l -> new WarehouseRouting.Line(Long.toString(l.id()), skus.expand(t, List.of(new StockLine(l.skuCode(), l.quantity())))))
                .toList();
        java.util.Set<String> skuCodes = new java.util.TreeSet<>();
        lines.forEach(l -> skuCodes.addAll(l.demand().keySet()));
        WarehouseRouting.Plan plan = WarehouseRouting.route(new WarehouseRouting.Input(lines, order.receiver().province(),
                all.stream().map(w -> new WarehouseRouting.Candidate(w.id(), w.code(), w.sender().province())).toList(),
                stock.available(t, skuCodes), skus.warehousePriorities(t, skuCodes), shop.defaultWarehouseId(),
                rules.settings(t).allowSplit()));
        if (!plan.feasible()) {
            progress.record(t, order.id(), "ROUTE", Outcome.ERROR, "out of stock: " + String.join(", ", plan.shortSkus())
                    + " (" + plan.explanation() + "); waiting for stock", attempt);
            return Optional.of(new WaitFor(outOfStockRecheck));
        }
        for (WarehouseRouting.Parcel parcel : plan.parcels()) {
            Warehouse w = all.stream().filter(x -> x.id() == parcel.warehouseId()).findFirst().orElseThrow();
            List<String> missing = w.sender().missingFields();
            if (!missing.isEmpty()) {
                throw new StepFailure("warehouse " + w.code() + " has no complete sender real-name profile (missing "
                        + String.join(", ", missing) + "); no waybill is issued without it");
            }
        }
        java.util.Map<Long, List<StockLine>> byWarehouse = new java.util.TreeMap<>();
        plan.parcels().forEach(p -> byWarehouse.put(p.warehouseId(),
                p.demand().entrySet().stream().map(e -> new StockLine(e.getKey(), e.getValue())).toList()));
        if (!stock.holdsReservation(t, order.id())) {
            ReservationOutcome reserved = stock.reserve(t, order.id(), byWarehouse);
            if (!reserved.reserved()) {
                // another order took the stock between planning and reserving
                progress.record(t, order.id(), "ROUTE", Outcome.ERROR, "out of stock: " + String.join(", ", reserved.shortSkus())
                        + "; waiting for stock", attempt);
                return Optional.of(new WaitFor(outOfStockRecheck));
            }
        }
        java.util.Map<Long, Integer> quantities = new java.util.HashMap<>();
        order.lines().forEach(l -> quantities.put(l.id(), l.quantity()));
        List<Shipments.ParcelPlan> parcels = plan.parcels().stream().map(p -> {
            java.util.Map<Long, Integer> items = new java.util.LinkedHashMap<>();
            p.lineIds().forEach(id -> items.put(Long.parseLong(id), quantities.get(Long.parseLong(id))));
            return new Shipments.ParcelPlan(p.warehouseId(), items);
        }).toList();
        boolean stillPending = Boolean.TRUE.equals(tx.execute(s -> {
            if (progress.lock(t, order.id()).orElse(null) != OrderStatus.PENDING) {
                // cancelled (or held) while we reserved: give the stock back
                stock.release(t, order.id());
                return false;
            }
            progress.assignWarehouse(t, order.id(), plan.parcels().get(0).warehouseId());
            shipments.openParcels(t, order.id(), parcels);
            progress.record(t, order.id(), "ROUTE", Outcome.OK, plan.explanation() + "; stock reserved", attempt);
            return true;
        }));
        return stillPending ? Optional.empty() : Optional.of(new Done());
    }

    /** Gets a waybill for every parcel that has none; the order moves on once all parcels have one. */
    private void issueWaybill(Order order, Shop shop, int attempt) {
        long t = order.tenantId();
        if (order.status() != OrderStatus.PENDING) {
            return;
        }
        List<Shipment> parcels = activeParcels(t, order.id());
        if (parcels.isEmpty()) {
            throw new StepFailure("order has no parcel yet");
        }
        ReceiverPlaintext receiver = null;
        for (Shipment parcel : parcels) {
            if (parcel.hasWaybill()) {
                continue;
            }
            Packed packed = packed(order, parcel);
            CarrierSelection.Choice choice = chooseCarrier(t, order, shop, packed.demand().keySet(), packed.weightGrams(), packed.amountFen());
            CourierAccount account = accounts.get(t, choice.courierAccountId());
            if (couriers.supports(account, CourierCapability.PLATFORM_RECEIVER)) {
                // the platform itself opens its ciphertext for the carrier (Douyin e-waybill): nothing is decrypted here
                PlatformReceiver sealed = new PlatformReceiver(order.platformOrderId(), shop.platformShopId(),
                        vault.open(t, order.id(), ReceiverVault.Purpose.WAYBILL, "pipeline"));
                issueOne(order, parcel, packed, choice, account, null, sealed, attempt);
                continue;
            }
            if (receiver == null) {
                receiver = platforms.revealReceiver(t, shop.id(), order.platformOrderId(),
                        vault.open(t, order.id(), ReceiverVault.Purpose.WAYBILL, "pipeline"));
            }
            issueOne(order, parcel, packed, choice, account, receiver, null, attempt);
        }
        tx.executeWithoutResult(s -> {
            OrderStatus now = progress.lock(t, order.id()).orElseThrow();
            List<Shipment> after = activeParcels(t, order.id());
            if (now == OrderStatus.PENDING && after.stream().allMatch(Shipment::hasWaybill)) {
                String numbers = after.stream().map(x -> x.carrier() + " " + x.trackingNumber()).reduce((a, b) -> a + ", " + b).orElse("");
                progress.move(t, order.id(), Set.of(OrderStatus.PENDING), OrderStatus.WAYBILL_ISSUED, null, "WAYBILL",
                        after.size() == 1 ? "waybill " + numbers : after.size() + " parcels: " + numbers);
            }
        });
    }

    /** What a parcel carries: its lines (of every order in a merged parcel), units per SKU, weight, value. */
    private record Packed(List<OrderLine> lines, java.util.Map<String, Integer> demand, int weightGrams, long amountFen) {
    }

    private Packed packed(Order order, Shipment parcel) {
        long t = order.tenantId();
        java.util.Map<Long, Integer> items = shipments.items(t, parcel.id());
        // a merged parcel carries the lines of several orders: the waybill describes all of them
        List<OrderLine> allLines = new java.util.ArrayList<>(order.lines());
        shipments.ordersIn(t, parcel.id()).stream().filter(id -> id != order.id())
                .forEach(id -> allLines.addAll(orders.get(t, id).lines()));
        List<OrderLine> packed = allLines.stream().filter(l -> items.isEmpty() || items.containsKey(l.id())).toList();
        java.util.Map<String, Integer> demand = skus.expand(t, packed.stream().map(l -> new StockLine(l.skuCode(), l.quantity())).toList());
        return new Packed(packed, demand, skus.weightGrams(t, demand), packed.stream().mapToLong(OrderLine::amountFen).sum());
    }

    private void issueOne(Order order, Shipment parcel, Packed packed, CarrierSelection.Choice choice, CourierAccount account,
                          ReceiverPlaintext receiver, PlatformReceiver sealedReceiver, int attempt) {
        long t = order.tenantId();
        Warehouse warehouse = warehouses.get(t, parcel.warehouseId());
        SenderProfile sp = warehouse.sender();
        Party sender = new Party(sp.name(), sp.phone(), sp.company(), sp.province(), sp.city(), sp.district(), sp.address());
        List<ParcelItem> items = packed.lines().stream().map(l -> new ParcelItem(l.productName(), l.skuCode(), l.quantity())).toList();
        WaybillRequest request = sealedReceiver != null
                ? WaybillRequest.withPlatformReceiver(parcel.waybillKey(), account.carrier(), sender, sealedReceiver, items, packed.weightGrams())
                : new WaybillRequest(parcel.waybillKey(), account.carrier(), sender,
                        new Party(receiver.name(), receiver.phone(), null, receiver.province(), receiver.city(), receiver.district(),
                                (receiver.street() == null ? "" : receiver.street()) + receiver.detail()),
                        items, packed.weightGrams(), null);
        IssuedWaybill waybill = couriers.issue(t, account.id(), request);
        tx.executeWithoutResult(s -> {
            OrderStatus now = progress.lock(t, order.id()).orElseThrow();
            if (!shipments.recordWaybill(t, parcel.id(), account.id(), waybill)) {
                return;
            }
            progress.recordCarrierChoice(t, order.id(), choice.explanation());
            String msg = waybill.carrier() + " waybill " + waybill.trackingNumber() + " (大头笔 " + waybill.markDestination()
                    + ", " + waybill.sortingCode() + "); carrier: " + choice.explanation();
            progress.record(t, order.id(), "WAYBILL", Outcome.OK, msg, attempt);
            if (now != OrderStatus.PENDING) {
                // the order was cancelled or held while the courier answered: keep the number, take it back if cancelled
                progress.record(t, order.id(), "WAYBILL", Outcome.INFO, "the waybill arrived after the order became " + now, attempt);
                if (now == OrderStatus.CANCELLED) {
                    jobs.scheduleIfNotExists(PipelineJobs.CANCEL_WAYBILL.instance(Long.toString(parcel.id()))
                            .data(PipelineJobs.data(t, parcel.id())).scheduledTo(clock.instant()));
                }
            }
        });
    }

    /** The merchant's carrier rules decide; without a match, the default account ships it. */
    public CarrierSelection.Choice chooseCarrier(long t, Order order, Shop shop, java.util.Set<String> skuCodes, int weightGrams, long amountFen) {
        Optional<CourierAccount> fallback = accounts.defaultAccount(t);
        return CarrierSelection.choose(new CarrierSelection.Parcel(order.receiver().province(), order.receiver().city(), weightGrams,
                        skus.tags(t, skuCodes), amountFen, shop.id()), rules.carrierRules(t),
                        fallback.map(CourierAccount::id).orElse(null), fallback.map(CourierAccount::name).orElse(null))
                .orElseThrow(() -> new StepFailure("no courier account is set up to issue waybills"));
    }

    private boolean awaitsCourierConfirmation(long t, List<Shipment> parcels) {
        return parcels.stream().anyMatch(p -> !p.waybillSource().trusted() && !tracking.courierConfirmed(t, p.id()));
    }

    private void confirm(Order order, int attempt) {
        long t = order.tenantId();
        List<Shipment> parcels = activeParcels(t, order.id());
        if (parcels.isEmpty()) {
            throw new StepFailure("order has no parcel");
        }
        for (Shipment parcel : parcels) {
            if (!parcel.hasWaybill() || parcel.waybillSource() == null
                    || !(parcel.waybillSource().trusted() || parcel.waybillSource() == WaybillSource.HAND_ENTERED)) {
                throw new StepFailure("parcel " + parcel.id() + " has no courier-issued waybill; nothing is written back");
            }
        }
        if (awaitsCourierConfirmation(t, parcels)) {
            // a hand-entered number reaches the platform only once a courier trace confirms it; the order waits
            // on hold and is released when tracking reports the confirmation (both sides hold the order's lock)
            tx.executeWithoutResult(s -> {
                progress.lock(t, order.id());
                if (awaitsCourierConfirmation(t, parcels)) {
                    progress.move(t, order.id(), Set.of(OrderStatus.WAYBILL_ISSUED), OrderStatus.ON_HOLD,
                            Fulfilment.AWAITING_COURIER_CONFIRMATION + parcels.stream().filter(p -> !p.waybillSource().trusted())
                                    .map(p -> p.carrier() + " " + p.trackingNumber()).reduce((x, y) -> x + ", " + y).orElse(""),
                            "WRITE_BACK", null);
                }
            });
            return;
        }
        for (Shipment parcel : parcels) {
            if (parcel.labelRenderedAt() == null) {
                // the label is drawn where it is printed (the printer's job, the console's PDF); drawing a PDF here only to
                // throw it away cost two thirds of this job's CPU (bench), so the step checks its data is complete instead
                labels.labelData(t, parcel.id());
                // the warehouse's auto-print printer, if any; a label already queued is not queued again on a re-run
                String printed = printJobs.autoPrint(t, parcel.id()).map(job -> "; print job " + job.id() + " queued").orElse("");
                shipments.markLabelRendered(t, parcel.id());
                progress.record(t, order.id(), "LABEL", Outcome.OK, "label " + parcel.trackingNumber() + " ready ("
                        + LabelSize.S76X130.code() + ")" + printed, attempt);
            }
        }
        java.util.Map<Long, String> platformLineIds = new java.util.HashMap<>();
        order.lines().forEach(l -> platformLineIds.put(l.id(), l.platformLineId()));
        List<ShippingConfirmation.Parcel> packs = parcels.stream().map(p -> new ShippingConfirmation.Parcel(p.carrier(), p.trackingNumber(),
                shipments.items(t, p.id()).entrySet().stream().filter(e -> platformLineIds.containsKey(e.getKey()))
                        .map(e -> new ShippingConfirmation.Item(platformLineIds.get(e.getKey()), e.getValue())).toList())).toList();
        ConfirmationOutcome outcome = platforms.confirmShipping(t, order.shopId(),
                new ShippingConfirmation(order.platformOrderId(), packs, "FH" + order.id()));
        String numbers = parcels.stream().map(p -> p.carrier() + " " + p.trackingNumber()).reduce((a, b) -> a + ", " + b).orElse("");
        tx.executeWithoutResult(s -> {
            if (progress.lock(t, order.id()).orElse(null) != OrderStatus.WAYBILL_ISSUED) {
                return;
            }
            switch (outcome.kind()) {
                case CONFIRMED -> {
                    parcels.forEach(p -> shipments.markShipped(t, p.id()));
                    stock.deductShipped(t, order.id());
                    progress.move(t, order.id(), Set.of(OrderStatus.WAYBILL_ISSUED), OrderStatus.SHIPPED, null, "WRITE_BACK",
                            order.platform() + " confirmed shipping with " + numbers);
                }
                case CANCELLED_ON_PLATFORM -> {
                    progress.move(t, order.id(), Set.of(OrderStatus.WAYBILL_ISSUED), OrderStatus.CANCELLED, null, "WRITE_BACK",
                            "the platform reports the order cancelled: " + outcome.detail());
                    stock.release(t, order.id());
                    parcels.forEach(p -> jobs.scheduleIfNotExists(PipelineJobs.CANCEL_WAYBILL.instance(Long.toString(p.id()))
                            .data(PipelineJobs.data(t, p.id())).scheduledTo(clock.instant())));
                }
                case HELD_BY_PLATFORM, SHIPPED_ELSEWHERE, REJECTED -> progress.move(t, order.id(),
                        Set.of(OrderStatus.WAYBILL_ISSUED), OrderStatus.ON_HOLD, "platform: " + outcome.detail(), "WRITE_BACK", null);
            }
        });
    }

    private List<Shipment> activeParcels(long t, long orderId) {
        return shipments.forOrder(t, orderId).stream().filter(p -> p.status() != ShipmentStatus.CANCELLED).toList();
    }
}
