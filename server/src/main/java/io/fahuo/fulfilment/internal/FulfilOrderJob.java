package io.fahuo.fulfilment.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import io.fahuo.couriers.CourierAccounts;
import io.fahuo.couriers.CourierException;
import io.fahuo.couriers.Couriers;
import io.fahuo.couriers.domain.CourierAccount;
import io.fahuo.couriers.domain.IssuedWaybill;
import io.fahuo.couriers.domain.ParcelItem;
import io.fahuo.couriers.domain.Party;
import io.fahuo.couriers.domain.WaybillRequest;
import io.fahuo.fulfilment.StepFailure;
import io.fahuo.fulfilment.domain.Backoff;
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
import io.fahuo.platforms.PlatformException;
import io.fahuo.platforms.PlatformGateway;
import io.fahuo.platforms.Shops;
import io.fahuo.platforms.domain.ConfirmationOutcome;
import io.fahuo.platforms.domain.ReceiverPlaintext;
import io.fahuo.platforms.domain.Shop;
import io.fahuo.platforms.domain.ShippingConfirmation;
import io.fahuo.shipments.Labels;
import io.fahuo.shipments.Shipments;
import io.fahuo.shipments.domain.LabelSize;
import io.fahuo.shipments.domain.Shipment;

/**
 * One durable job per order that walks it from PENDING to SHIPPED: route and reserve → waybill → label →
 * write-back and deduct. Every step first reads the order's current state, so re-running the job after a
 * crash resumes at the step that did not commit. External calls carry idempotency keys (the shipment id
 * for the courier; the platform's "already shipped" is reconciled against our number).
 */
@Configuration(proxyBeanMethods = false)
class FulfilOrderJob {

    private static final Logger log = LoggerFactory.getLogger(FulfilOrderJob.class);

    /** What the job does when a run ends without an exception. */
    private sealed interface Next permits Done, WaitFor {
    }

    private record Done() implements Next {
    }

    private record WaitFor(Duration delay) implements Next {
    }

    @Bean
    Task<String> fulfilOrderTask(Steps steps, Clock clock,
                                 @Value("${fahuo.pipeline.retry-first:PT2S}") Duration retryFirst,
                                 @Value("${fahuo.pipeline.retry-max:PT10M}") Duration retryMax) {
        Backoff backoff = new Backoff(retryFirst, retryMax);
        return Tasks.custom(PipelineJobs.FULFIL_ORDER)
                .onFailure((FailureHandler<String>) (complete, ops) -> ops.reschedule(complete,
                        clock.instant().plus(backoff.delay(complete.getExecution().consecutiveFailures))))
                .execute((instance, ctx) -> {
                    String data = instance.getData();
                    int attempt = ctx.getExecution().consecutiveFailures + 1;
                    Next next = steps.advance(PipelineJobs.tenantOf(data), PipelineJobs.idOf(data), attempt);
                    if (next instanceof WaitFor w) {
                        Instant at = clock.instant().plus(w.delay());
                        return (CompletionHandler<String>) (complete, ops) -> ops.reschedule(complete, at);
                    }
                    return new CompletionHandler.OnCompleteRemove<>();
                });
    }

    @Bean
    Steps fulfilmentSteps(Orders orders, OrderProgress progress, ReceiverVault vault, Shops shops, PlatformGateway platforms,
                          Warehouses warehouses, Skus skus, Stock stock, Shipments shipments, Labels labels,
                          CourierAccounts accounts, Couriers couriers, SchedulerClient jobs, Clock clock,
                          PlatformTransactionManager txManager,
                          @Value("${fahuo.pipeline.out-of-stock-recheck:PT5M}") Duration outOfStockRecheck) {
        return new Steps(orders, progress, vault, shops, platforms, warehouses, skus, stock, shipments, labels, accounts,
                couriers, jobs, clock, new TransactionTemplate(txManager), outOfStockRecheck);
    }

    record Steps(Orders orders, OrderProgress progress, ReceiverVault vault, Shops shops, PlatformGateway platforms,
                 Warehouses warehouses, Skus skus, Stock stock, Shipments shipments, Labels labels,
                 CourierAccounts accounts, Couriers couriers, SchedulerClient jobs, Clock clock, TransactionTemplate tx,
                 Duration outOfStockRecheck) {

        Next advance(long tenantId, long orderId, int attempt) {
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
                if (order.status() == OrderStatus.WAYBILL_ISSUED) {
                    step = "WRITE_BACK";
                    confirm(order, attempt);
                }
                return new Done();
            } catch (StepFailure | PlatformException | CourierException e) {
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
            if (!parcel.hasWaybill() || parcel.waybillSource() == null || !parcel.waybillSource().trusted()) {
                throw new StepFailure("parcel " + parcel.id() + " has no courier-issued waybill; nothing is written back");
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
}
