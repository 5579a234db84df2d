-- Printing: raw thermal printers per warehouse, print jobs of at most 50 labels and the labels each job
-- printed. A label is a shipment's waybill (shipment id + tracking number); print_no counts how often it was
-- put into a job, and its uniqueness stops two concurrent batches from printing the same label twice.

create table printer (
  id                  bigint primary key,
  tenant_id           bigint not null references tenant (id),
  warehouse_id        bigint not null references warehouse (id),
  name                varchar(100) not null,
  language            varchar(10) not null,
  dpi                 integer not null,
  label_size          varchar(10) not null,
  host                varchar(255) not null,
  port                integer not null,
  connect_timeout_ms  integer not null,
  write_timeout_ms    integer not null,
  auto_print          boolean not null,
  created_at          timestamp with time zone not null,
  constraint uq_printer_name unique (tenant_id, warehouse_id, name)
);

create table print_job (
  id              bigint primary key,
  tenant_id       bigint not null references tenant (id),
  format          varchar(10) not null,
  label_size      varchar(10) not null,
  dpi             integer not null,
  printer_id      bigint references printer (id),
  status          varchar(10) not null,
  reprint_reason  varchar(300),
  attempts        integer not null,
  last_error      varchar(1000),
  requested_by    varchar(100) not null,
  created_at      timestamp with time zone not null,
  sent_at         timestamp with time zone
);
create index ix_print_job_created on print_job (tenant_id, created_at);

create table print_job_label (
  tenant_id        bigint not null,
  job_id           bigint not null references print_job (id),
  label_no         integer not null,
  shipment_id      bigint not null,
  tracking_number  varchar(40) not null,
  print_no         integer not null,
  reprint          boolean not null,
  primary key (job_id, label_no),
  constraint uq_print_job_label_print unique (tenant_id, shipment_id, tracking_number, print_no)
);
