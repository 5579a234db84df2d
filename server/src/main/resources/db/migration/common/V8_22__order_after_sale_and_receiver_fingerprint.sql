-- What the platform last said about after-sale (refunds), and a fingerprint of the receiver as the platform
-- sent it (region, masked parts and its protected form), so intake notices an address change.
alter table orders add column platform_after_sale varchar(20);
alter table orders add column receiver_fingerprint varchar(64);
