-- Indexes the console's screens need to stay fast at a million orders per tenant.
-- Orders list without a status filter: keyset pagination in (ship_by, id) order.
create index ix_orders_ship_by on orders (tenant_id, ship_by, id);
-- Free-text search by the platform's order number.
create index ix_orders_platform_order on orders (tenant_id, platform_order_id);
-- Dashboard: orders paid today.
create index ix_orders_paid_at on orders (tenant_id, paid_at);
-- Dashboard: parcels shipped today, per hour and per carrier.
create index ix_shipment_shipped_at on shipment (tenant_id, shipped_at);
