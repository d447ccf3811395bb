-- Digitisation of dossiers: files move to the file store (content-addressed by SHA-256); each component records
-- whether it is digitised and whether it reused a document of the applicant's data store; results are electronic,
-- signed, with a result code.
alter table dossier_file add column storage_key varchar(64);
alter table dossier_file add column kind varchar(20) not null default 'APPLICANT';
alter table dossier_file add column stored_document_id bigint references stored_document (id);
alter table dossier_file alter column content drop not null;

alter table dossier_document add column digitised boolean not null default false;
alter table dossier_document add column reused_document_id bigint references stored_document (id);

-- components with a file are digitised; online dossiers are digitised by nature
update dossier_document set digitised = true
 where exists (select 1 from dossier_file f where f.dossier_id = dossier_document.dossier_id and f.component_id = dossier_document.component_id);

alter table dossier add column result_code varchar(30);
alter table dossier add column result_file_id bigint;
