-- Fahuo foundation schema. One set of DDL for PostgreSQL and H2 (MODE=PostgreSQL);
-- vendor-only statements live in db/migration/{vendor}.
-- Every business row carries tenant_id; ids come from one pooled sequence so nodes can batch inserts.

create sequence fahuo_id_seq start with 1000 increment by 100;

create table tenant (
  id          bigint primary key,
  name        varchar(200) not null,
  created_at  timestamp with time zone not null
);

create table app_user (
  id            bigint primary key,
  tenant_id     bigint not null references tenant (id),
  username      varchar(100) not null,
  password_hash varchar(200) not null,
  role          varchar(40) not null,
  created_at    timestamp with time zone not null,
  constraint uq_app_user_username unique (username)
);

create table api_token (
  id           bigint primary key,
  tenant_id    bigint not null references tenant (id),
  token_hash   varchar(64) not null,
  name         varchar(100) not null,
  role         varchar(40) not null,
  created_at   timestamp with time zone not null,
  constraint uq_api_token_hash unique (token_hash)
);

create table warehouse (
  id                  bigint primary key,
  tenant_id           bigint not null references tenant (id),
  code                varchar(64) not null,
  name                varchar(200) not null,
  kind                varchar(20) not null,
  sender_name         varchar(100),
  sender_phone        varchar(40),
  sender_company      varchar(200),
  sender_province     varchar(50),
  sender_city         varchar(50),
  sender_district     varchar(50),
  sender_address      varchar(300),
  sender_credit_code  varchar(40),
  created_at          timestamp with time zone not null,
  constraint uq_warehouse_code unique (tenant_id, code)
);

create table sku (
  id            bigint primary key,
  tenant_id     bigint not null references tenant (id),
  code          varchar(64) not null,
  name          varchar(200) not null,
  weight_grams  integer not null,
  created_at    timestamp with time zone not null,
  constraint uq_sku_code unique (tenant_id, code)
);

create table stock_level (
  tenant_id     bigint not null,
  warehouse_id  bigint not null references warehouse (id),
  sku_code      varchar(64) not null,
  on_hand       integer not null,
  reserved      integer not null,
  updated_at    timestamp with time zone not null,
  primary key (tenant_id, warehouse_id, sku_code),
  constraint ck_stock_never_oversold check (reserved >= 0 and on_hand >= reserved)
);

create table stock_reservation (
  tenant_id     bigint not null,
  order_id      bigint not null,
  warehouse_id  bigint not null,
  sku_code      varchar(64) not null,
  quantity      integer not null,
  state         varchar(16) not null,
  updated_at    timestamp with time zone not null,
  primary key (tenant_id, order_id, warehouse_id, sku_code)
);

create table stock_movement (
  id              bigint primary key,
  tenant_id       bigint not null,
  warehouse_id    bigint not null,
  sku_code        varchar(64) not null,
  delta_on_hand   integer not null,
  delta_reserved  integer not null,
  reason          varchar(20) not null,
  order_id        bigint,
  note            varchar(300),
  at              timestamp with time zone not null
);
create index ix_stock_movement_sku on stock_movement (tenant_id, sku_code, at);

create table shop (
  id                    bigint primary key,
  tenant_id             bigint not null references tenant (id),
  platform              varchar(20) not null,
  name                  varchar(200) not null,
  platform_shop_id      varchar(64) not null,
  api_base_url          varchar(300) not null,
  app_key               varchar(100) not null,
  app_secret_enc        varchar(1000) not null,
  access_token_enc      varchar(2000),
  refresh_token_enc     varchar(2000),
  token_expires_at      timestamp with time zone,
  default_warehouse_id  bigint references warehouse (id),
  auto_ship             boolean not null,
  sync_cursor           timestamp with time zone,
  last_sync_at          timestamp with time zone,
  last_sync_error       varchar(1000),
  created_at            timestamp with time zone not null,
  constraint uq_shop_platform_id unique (tenant_id, platform, platform_shop_id)
);

create table courier_account (
  id                bigint primary key,
  tenant_id         bigint not null references tenant (id),
  provider          varchar(20) not null,
  carrier_code      varchar(20) not null,
  name              varchar(200) not null,
  api_base_url      varchar(300) not null,
  credentials_enc   varchar(4000) not null,
  pay_type          integer not null,
  is_default        boolean not null,
  created_at        timestamp with time zone not null
);
create index ix_courier_account_tenant on courier_account (tenant_id);

create table orders (
  id                      bigint primary key,
  tenant_id               bigint not null references tenant (id),
  shop_id                 bigint not null references shop (id),
  platform                varchar(20) not null,
  platform_order_id       varchar(64) not null,
  platform_status         varchar(20) not null,
  status                  varchar(20) not null,
  hold_reason             varchar(500),
  last_error              varchar(1000),
  amount_fen              bigint not null,
  paid_at                 timestamp with time zone,
  ship_by                 timestamp with time zone,
  platform_created_at     timestamp with time zone not null,
  platform_updated_at     timestamp with time zone not null,
  buyer_remark            varchar(1000),
  seller_remark           varchar(1000),
  receiver_name_masked    varchar(100),
  receiver_phone_masked   varchar(40),
  receiver_province       varchar(50),
  receiver_city           varchar(50),
  receiver_district       varchar(50),
  receiver_street         varchar(100),
  receiver_detail_masked  varchar(300),
  receiver_pii_enc        varchar(4000),
  warehouse_id            bigint,
  created_at              timestamp with time zone not null,
  updated_at              timestamp with time zone not null,
  version                 integer not null,
  constraint uq_orders_platform_id unique (tenant_id, shop_id, platform_order_id)
);
create index ix_orders_status_ship_by on orders (tenant_id, status, ship_by, id);
create index ix_orders_shop_status on orders (tenant_id, shop_id, status, ship_by, id);
create index ix_orders_created on orders (tenant_id, created_at, id);

create table order_line (
  id                 bigint primary key,
  tenant_id          bigint not null,
  order_id           bigint not null references orders (id),
  line_no            integer not null,
  platform_line_id   varchar(64) not null,
  platform_sku_id    varchar(64),
  sku_code           varchar(64),
  product_name       varchar(300) not null,
  spec               varchar(300),
  quantity           integer not null,
  amount_fen         bigint not null
);
create index ix_order_line_order on order_line (order_id);

create table order_event (
  id         bigint primary key,
  tenant_id  bigint not null,
  order_id   bigint not null,
  at         timestamp with time zone not null,
  step       varchar(30) not null,
  outcome    varchar(10) not null,
  message    varchar(2000),
  attempt    integer not null
);
create index ix_order_event_order on order_event (order_id, at);

create table shipment (
  id                  bigint primary key,
  tenant_id           bigint not null,
  order_id            bigint not null references orders (id),
  package_no          integer not null,
  warehouse_id        bigint not null,
  courier_account_id  bigint,
  carrier_code        varchar(20),
  waybill_source      varchar(20),
  tracking_number     varchar(40),
  mark_destination    varchar(100),
  sorting_code        varchar(100),
  package_center      varchar(100),
  status              varchar(20) not null,
  waybill_issued_at   timestamp with time zone,
  label_rendered_at   timestamp with time zone,
  shipped_at          timestamp with time zone,
  created_at          timestamp with time zone not null,
  constraint uq_shipment_package unique (tenant_id, order_id, package_no)
);
create index ix_shipment_tracking on shipment (tenant_id, tracking_number);

create table pii_access_log (
  id         bigint primary key,
  tenant_id  bigint not null,
  order_id   bigint not null,
  purpose    varchar(40) not null,
  actor      varchar(100) not null,
  fields     varchar(100) not null,
  at         timestamp with time zone not null
);
create index ix_pii_access_order on pii_access_log (tenant_id, order_id);

-- db-scheduler's table (cluster-safe jobs)
create table scheduled_tasks (
  task_name             varchar(100) not null,
  task_instance         varchar(200) not null,
  task_data             bytea,
  execution_time        timestamp with time zone not null,
  picked                boolean not null,
  picked_by             varchar(50),
  last_success          timestamp with time zone,
  last_failure          timestamp with time zone,
  consecutive_failures  integer,
  last_heartbeat        timestamp with time zone,
  version               bigint not null,
  priority              smallint,
  primary key (task_name, task_instance)
);
create index ix_scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index ix_scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index ix_scheduled_tasks_priority on scheduled_tasks (priority desc, execution_time asc);

-- Spring Modulith event publication registry (the outbox)
create table event_publication (
  id                      uuid not null primary key,
  listener_id             varchar(512) not null,
  event_type              varchar(512) not null,
  serialized_event        varchar(8000) not null,
  publication_date        timestamp with time zone not null,
  completion_date         timestamp with time zone,
  status                  varchar(20),
  completion_attempts     integer,
  last_resubmission_date  timestamp with time zone
);
create index ix_event_publication_completion on event_publication (completion_date);
