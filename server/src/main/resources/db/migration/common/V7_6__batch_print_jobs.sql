-- The print jobs a PRINT batch produced (comma-separated ids), for the console's print page.
alter table batch add column print_job_ids varchar(2000);
