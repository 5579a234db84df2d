create index ix_event_publication_serialized on event_publication using hash (serialized_event);
