-- A person released the order from review: automatic review rules do not hold it again.
alter table orders add column reviewed_at timestamp with time zone;
