-- One row per scheduled job: the node that holds it (until lock_until, by the database's clock) runs the job; the
-- others skip that run (ShedLock). Jobs: deadline warnings, feedback deadlines, outbox delivery, notification sending,
-- payment sweep and reconciliation, the portal's vote summary, control warnings, resubmission of undelivered events.
create table shedlock (
    name        varchar(64)  not null primary key,
    lock_until  timestamp    not null,
    locked_at   timestamp    not null,
    locked_by   varchar(255) not null
);
