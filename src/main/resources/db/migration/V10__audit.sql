-- One append-only audit log for every module, chained by SHA-256 hashes (see vn.motcua.audit).
-- The application only inserts into audit_entry; in production, grant the application's database role
-- INSERT and SELECT on it, never UPDATE or DELETE (docs/security.md).
create table audit_entry (
    seq            bigint       primary key,
    at             timestamp    not null,
    actor          varchar(120) not null,
    address        varchar(64),
    action         varchar(80)  not null,
    subject_type   varchar(40),
    subject_id     varchar(80),
    before_state   text,
    after_state    text,
    previous_hash  varchar(64)  not null,
    hash           varchar(64)  not null
);
create index ix_audit_actor on audit_entry (actor, seq);
create index ix_audit_subject on audit_entry (subject_type, subject_id, seq);

-- the head of the chain: one row, locked while entries are appended, so that they are chained one at a time
create table audit_chain_head (
    id    int         primary key,
    seq   bigint      not null,
    hash  varchar(64) not null
);
insert into audit_chain_head (id, seq, hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
