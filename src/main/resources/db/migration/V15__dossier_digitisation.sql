-- Digitisation of dossiers: files move to the file store (content-addressed by SHA-256); each component records
-- whether it is digitised and whether it reused a document of the applicant's data store; results are electronic,
-- signed, with a result code.
alter table dossier_file add column storage_key varchar(64);
-- APPLICANT (uploaded online), EFORM (declared online), SCAN (digitised at intake), REUSED (from the data store),
-- RESULT (signed electronic result), CERTIFIED_COPY (signed electronic certified copy)
alter table dossier_file add column kind varchar(20) not null default 'APPLICANT';
alter table dossier_file add column stored_document_id bigint references stored_document (id);
alter table dossier_file alter column content drop not null;

alter table dossier_document add column digitised boolean not null default false;
alter table dossier_document add column reused_document_id bigint references stored_document (id);

-- components with a file are digitised; online dossiers are digitised by nature
update dossier_document set digitised = true
 where exists (select 1 from dossier_file f where f.dossier_id = dossier_document.dossier_id and f.component_id = dossier_document.component_id);

-- a signed electronic result or certified copy carries its code in the register of electronic results
alter table dossier_file add column result_code varchar(30);
create index ix_file_result_code on dossier_file (result_code);

-- what the receiving officer read off a digitised document (kept with it in the applicant's data store)
alter table dossier_document add column doc_number varchar(100);
alter table dossier_document add column doc_issuer varchar(300);
alter table dossier_document add column doc_issued_on date;
alter table dossier_document add column doc_expires_on date;
