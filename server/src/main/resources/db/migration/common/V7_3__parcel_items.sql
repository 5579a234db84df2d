-- Which order lines travel in which parcel: an order split across warehouses has several parcels.
create table shipment_item (
  tenant_id      bigint not null,
  shipment_id    bigint not null references shipment (id),
  order_line_id  bigint not null references order_line (id),
  quantity       integer not null,
  primary key (shipment_id, order_line_id)
);
create index ix_shipment_item_line on shipment_item (order_line_id);
