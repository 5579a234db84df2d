create index ix_event_publication_listener on event_publication (listener_id, serialized_event);
