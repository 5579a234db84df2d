-- Batch actions over many orders: one row per batch, one per order in it. Progress is counted from the
-- items; a batch is finished when finished_at is set.
create table batch (
  id           bigint primary key,
  tenant_id    bigint not null references tenant (id),
  action       varchar(20) not null,
  actor        varchar(100) not null,
  reason       varchar(300),
  created_at   timestamp with time zone not null,
  finished_at  timestamp with time zone
);
create index ix_batch_tenant on batch (tenant_id, created_at);

create table batch_item (
  batch_id   bigint not null references batch (id),
  tenant_id  bigint not null,
  seq        integer not null,
  order_id   bigint not null,
  state      varchar(10) not null,
  error      varchar(1000),
  done_at    timestamp with time zone,
  primary key (batch_id, seq)
);
create index ix_batch_item_state on batch_item (batch_id, state, seq);
