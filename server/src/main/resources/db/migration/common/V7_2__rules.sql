-- Automatic review (holds) and carrier selection rules, per tenant, plus what routing needs to know
-- about SKUs (tags, per-warehouse priority, bundles) and warehouses (province, return address).
create table hold_rule (
  id          bigint primary key,
  tenant_id   bigint not null references tenant (id),
  kind        varchar(30) not null,
  match_value varchar(200),
  created_at  timestamp with time zone not null
);
create index ix_hold_rule_tenant on hold_rule (tenant_id);

create table carrier_rule (
  id                  bigint primary key,
  tenant_id           bigint not null references tenant (id),
  position            integer not null,
  name                varchar(100) not null,
  provinces           varchar(1000),
  cities              varchar(1000),
  remote_only         boolean not null,
  min_weight_grams    integer,
  max_weight_grams    integer,
  sku_tag             varchar(50),
  min_amount_fen      bigint,
  max_amount_fen      bigint,
  shop_id             bigint,
  courier_account_id  bigint not null references courier_account (id),
  created_at          timestamp with time zone not null
);
create index ix_carrier_rule_tenant on carrier_rule (tenant_id, position);

create table fulfilment_settings (
  tenant_id              bigint primary key references tenant (id),
  allow_split            boolean not null,
  at_risk_hours          integer not null,
  sla_alert_webhook_url  varchar(500),
  updated_at             timestamp with time zone not null
);

alter table sku add column tags varchar(300);

create table sku_warehouse_priority (
  tenant_id     bigint not null,
  sku_code      varchar(64) not null,
  warehouse_id  bigint not null references warehouse (id),
  priority      integer not null,
  primary key (tenant_id, sku_code, warehouse_id)
);

create table sku_bundle (
  tenant_id       bigint not null,
  bundle_code     varchar(64) not null,
  component_code  varchar(64) not null,
  quantity        integer not null,
  primary key (tenant_id, bundle_code, component_code),
  constraint ck_bundle_quantity check (quantity > 0)
);

alter table warehouse add column return_name varchar(100);
alter table warehouse add column return_phone varchar(40);
alter table warehouse add column return_address varchar(300);

alter table orders add column carrier_reason varchar(500);
