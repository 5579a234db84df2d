-- Where each SKU lies in each warehouse (库位), for pick lists sorted along the picking path.
create table sku_bin_location (
  tenant_id     bigint not null references tenant (id),
  warehouse_id  bigint not null references warehouse (id),
  sku_code      varchar(64) not null,
  bin_code      varchar(40) not null,
  updated_at    timestamp with time zone not null,
  primary key (tenant_id, warehouse_id, sku_code)
);
