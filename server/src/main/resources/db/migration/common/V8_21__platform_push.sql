-- Messages pushed by a platform (Douyin 消息推送), kept to take each msg_id once. The push is only a hint: the
-- order is fetched from the platform's API, so no order data is kept here. Not tenant data: a message names
-- a platform shop, which several tenants may have connected.
create table platform_push (
  platform           varchar(20)  not null,
  app_key            varchar(100) not null,
  msg_id             varchar(100) not null,
  tag                varchar(10)  not null,
  platform_shop_id   varchar(64),
  platform_order_id  varchar(64),
  received_at        timestamp with time zone not null,
  constraint pk_platform_push primary key (platform, app_key, msg_id)
);
create index ix_platform_push_received on platform_push (received_at);
