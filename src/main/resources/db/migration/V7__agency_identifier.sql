-- Electronic identifier code of each unit (mã định danh, QCVN 102:2016/BTTTT), printed in dossier codes.
alter table agency add column identifier_code varchar(40);
create unique index uq_agency_identifier on agency (identifier_code);
