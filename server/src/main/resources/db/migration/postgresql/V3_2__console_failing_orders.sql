-- Dashboard "exceptions": orders in the pipeline whose last step failed. A partial index keeps the count
-- cheap however many orders are open (H2 has no partial indexes; there the count scans the status index).
create index ix_orders_failing on orders (tenant_id) where last_error is not null and status in ('PENDING', 'WAYBILL_ISSUED');
