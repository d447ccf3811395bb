-- Spring Modulith's event publication registry: every event a module publishes is stored here in the same
-- transaction as the change that caused it (a transactional outbox), delivered to each listener after
-- commit, marked completed when the listener succeeded, and retried while it is not.
create table event_publication (
    id                uuid          not null primary key,
    listener_id       varchar(512)  not null,
    event_type        varchar(512)  not null,
    serialized_event  varchar(4000) not null,
    publication_date  timestamp with time zone not null,
    completion_date   timestamp with time zone
);
create index ix_event_publication_completion on event_publication (completion_date);
create index ix_event_publication_listener on event_publication (listener_id);
