-- SLA alerts (one per order and kind, delivered to the console and, if set, a webhook) and low-stock thresholds.
create table sla_alert (
  id            bigint primary key,
  tenant_id     bigint not null references tenant (id),
  order_id      bigint not null references orders (id),
  kind          varchar(10) not null,
  ship_by       timestamp with time zone not null,
  raised_at     timestamp with time zone not null,
  delivered_at  timestamp with time zone,
  attempts      integer not null,
  last_error    varchar(500),
  constraint uq_sla_alert unique (tenant_id, order_id, kind)
);
create index ix_sla_alert_undelivered on sla_alert (delivered_at, tenant_id);

alter table fulfilment_settings add column sla_alert_webhook_secret varchar(100);
alter table sku add column low_stock_threshold integer;
create index ix_orders_sla on orders (status, ship_by);
