-- Stock pushed to the platforms' SKUs (Douyin sku.syncStock): a setting per shop, and per shop and SKU the
-- debounced push state (due time, what the platform was last told, an incremental push in flight).
create table stock_push_setting (
  tenant_id      bigint not null references tenant (id),
  shop_id        bigint not null references shop (id),
  enabled        boolean not null,
  incremental    boolean not null,
  safety_buffer  integer not null,
  updated_at     timestamp with time zone not null,
  constraint pk_stock_push_setting primary key (tenant_id, shop_id),
  constraint ck_stock_push_buffer check (safety_buffer >= 0)
);

create table stock_push (
  tenant_id           bigint not null,
  shop_id             bigint not null,
  sku_code            varchar(64) not null,
  due_at              timestamp with time zone,
  last_pushed         integer,
  baseline_at         timestamp with time zone,
  pending_id          varchar(64),
  pending_delta       integer,
  pending_movements   varchar(4000),
  push_count          integer not null,
  pushed_at           timestamp with time zone,
  failures            integer not null,
  last_error          varchar(500),
  constraint pk_stock_push primary key (tenant_id, shop_id, sku_code)
);
create index ix_stock_push_due on stock_push (due_at);

-- stock movements already carried to a shop by an incremental push
create table stock_push_movement (
  tenant_id    bigint not null,
  shop_id      bigint not null,
  movement_id  bigint not null,
  constraint pk_stock_push_movement primary key (tenant_id, shop_id, movement_id)
);
