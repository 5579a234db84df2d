-- Courier accounts: the courier's public id of the account (pushes name it), the monthly settlement
-- account, the waybill-balance alert threshold; balances and their alerts.
alter table courier_account add column account_ref varchar(64);
alter table courier_account add column monthly_account varchar(40);
alter table courier_account add column balance_alert_below integer;
create index ix_courier_account_ref on courier_account (provider, account_ref);

create table courier_balance (
  tenant_id           bigint not null,
  courier_account_id  bigint not null references courier_account (id),
  available           integer not null,
  total               integer,
  checked_at          timestamp with time zone not null,
  primary key (tenant_id, courier_account_id)
);

-- An alert is open while cleared_at is null; at most one open alert per account.
create table courier_balance_alert (
  id                  bigint primary key,
  tenant_id           bigint not null,
  courier_account_id  bigint not null references courier_account (id),
  available           integer not null,
  threshold           integer not null,
  raised_at           timestamp with time zone not null,
  cleared_at          timestamp with time zone
);
create index ix_courier_balance_alert on courier_balance_alert (tenant_id, courier_account_id, cleared_at);

-- Parcels Fahuo follows: one per shipment with a tracking number.
create table tracked_parcel (
  id                      bigint primary key,
  tenant_id               bigint not null,
  shipment_id             bigint not null,
  order_id                bigint not null,
  courier_account_id      bigint not null references courier_account (id),
  carrier_code            varchar(20) not null,
  tracking_number         varchar(40) not null,
  source                  varchar(20) not null,
  state                   varchar(20) not null,
  state_at                timestamp with time zone not null,
  last_event_at           timestamp with time zone,
  registered_at           timestamp with time zone not null,
  subscribed_at           timestamp with time zone,
  confirmed_at            timestamp with time zone,
  delivered_at            timestamp with time zone,
  intercept_state         varchar(20),
  intercept_detail        varchar(500),
  intercept_requested_at  timestamp with time zone,
  last_polled_at          timestamp with time zone,
  poll_failures           integer not null,
  constraint uq_tracked_parcel_number unique (tenant_id, carrier_code, tracking_number),
  constraint uq_tracked_parcel_shipment unique (tenant_id, shipment_id)
);
create index ix_tracked_parcel_lookup on tracked_parcel (carrier_code, tracking_number);
create index ix_tracked_parcel_state on tracked_parcel (tenant_id, state);

-- Every line a courier reported, as it reported it; a repeated line (pushes resend the whole trace) is
-- recognised by its fingerprint.
create table tracking_event (
  id            bigint primary key,
  tenant_id     bigint not null,
  parcel_id     bigint not null references tracked_parcel (id),
  at            timestamp with time zone not null,
  place         varchar(200),
  text          varchar(1000) not null,
  courier_code  varchar(40),
  state         varchar(20),
  fingerprint   varchar(64) not null,
  via           varchar(10) not null,
  received_at   timestamp with time zone not null,
  constraint uq_tracking_event unique (parcel_id, fingerprint)
);
create index ix_tracking_event_parcel on tracking_event (tenant_id, parcel_id, at);

-- What the merchant must look at; one row per parcel and kind, open while resolved_at is null.
create table tracking_exception (
  id           bigint primary key,
  tenant_id    bigint not null,
  parcel_id    bigint not null references tracked_parcel (id),
  shipment_id  bigint not null,
  order_id     bigint not null,
  kind         varchar(30) not null,
  detail       varchar(500) not null,
  raised_at    timestamp with time zone not null,
  resolved_at  timestamp with time zone,
  constraint uq_tracking_exception unique (tenant_id, parcel_id, kind)
);
create index ix_tracking_exception_open on tracking_exception (tenant_id, kind, resolved_at);

-- Exception rules per tenant; tenant 0 holds the defaults every tenant starts with.
create table tracking_rule (
  tenant_id          bigint not null,
  kind               varchar(30) not null,
  enabled            boolean not null,
  threshold_minutes  integer not null,
  updated_at         timestamp with time zone not null,
  primary key (tenant_id, kind)
);
insert into tracking_rule (tenant_id, kind, enabled, threshold_minutes, updated_at) values
  (0, 'NO_PICKUP', true, 1440, current_timestamp),
  (0, 'STALLED', true, 2880, current_timestamp),
  (0, 'PROBLEM', true, 0, current_timestamp),
  (0, 'RETURNED', true, 0, current_timestamp),
  (0, 'UNCONFIRMED_NUMBER', true, 4320, current_timestamp),
  (0, 'INTERCEPT_FAILED', true, 0, current_timestamp);
