-- The service-quality index of Decision 766/QĐ-TTg (module quality).

-- Every scored indicator with its points and threshold, as data: the national rules change, the code does not.
-- when_empty: what a zero denominator gives (NA: shown "N/A" and left out of the attainable points; FULL: full points).
create table quality_indicator (
    code         varchar(10)   primary key,
    group_no     int           not null,
    position     int           not null,
    name         varchar(300)  not null,
    name_en      varchar(300)  not null,
    max_points   numeric(6, 2) not null,
    threshold    numeric(6, 2),
    when_empty   varchar(4)    not null,
    note         varchar(500),
    updated_by   varchar(80),
    updated_at   timestamp,
    row_version  bigint        not null default 0
);

create table quality_group (
    group_no  int           primary key,
    name      varchar(200)  not null,
    name_en   varchar(200)  not null
);

-- Rating bands on the score out of 100 (not official: configurable).
create table quality_band (
    name        varchar(40)   primary key,
    name_en     varchar(40)   not null,
    min_score   numeric(6, 2) not null
);

insert into quality_group (group_no, name, name_en) values
 (1, 'Công khai, minh bạch', 'Publicity and transparency'),
 (2, 'Tiến độ, kết quả giải quyết', 'Progress and results'),
 (3, 'Dịch vụ công trực tuyến', 'Online public services'),
 (4, 'Thanh toán trực tuyến', 'Online payment'),
 (5, 'Số hóa hồ sơ', 'Digitisation'),
 (6, 'Mức độ hài lòng', 'Satisfaction');

insert into quality_indicator (code, group_no, position, name, name_en, max_points, threshold, when_empty, note) values
 ('1.1', 1, 1, 'Công bố TTHC đúng hạn', 'Procedures published on time', 6, null, 'NA', null),
 ('1.2', 1, 2, 'Công khai TTHC đúng hạn trên Cơ sở dữ liệu quốc gia', 'Procedures made public on time', 4, null, 'NA', null),
 ('1.3', 1, 3, 'TTHC công khai đầy đủ bộ phận cấu thành', 'Procedures published with all parts', 2, null, 'NA', null),
 ('1.4', 1, 4, 'Hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia', 'Dossiers synced to the national portal', 6, null, 'NA', null),
 ('2.1', 2, 1, 'Hồ sơ giải quyết trước hạn, đúng hạn', 'Dossiers handled on time', 20, null, 'NA', null),
 ('2.2', 2, 2, 'Thời gian giải quyết trung bình (theo dõi)', 'Average handling time (monitoring)', 0, null, 'NA', 'không tính điểm'),
 ('3.1', 3, 1, 'TTHC cung cấp dịch vụ công trực tuyến', 'Procedures offered online', 4, 80, 'NA', 'cách chia 12 điểm của nhóm chưa được quy định (verify)'),
 ('3.2', 3, 2, 'Dịch vụ công trực tuyến có phát sinh hồ sơ', 'Online services that received dossiers', 4, null, 'NA', 'cách chia 12 điểm của nhóm chưa được quy định (verify)'),
 ('3.3', 3, 3, 'Hồ sơ nộp trực tuyến', 'Dossiers submitted online', 4, 50, 'NA', 'cách chia 12 điểm của nhóm chưa được quy định (verify)'),
 ('3.5a', 4, 1, 'TTHC có phí tích hợp thanh toán trực tuyến', 'Fee-bearing procedures integrated for online payment', 2, 80, 'NA', null),
 ('3.5b', 4, 2, 'TTHC có phí phát sinh thanh toán trực tuyến', 'Fee-bearing procedures with an online payment', 2, 80, 'NA', null),
 ('3.6', 4, 3, 'Hồ sơ thanh toán trực tuyến', 'Dossiers paid online', 6, null, 'NA', null),
 ('4.1', 5, 1, 'Hồ sơ cấp kết quả điện tử', 'Dossiers with an electronic result', 6, null, 'NA', null),
 ('4.2', 5, 2, 'Hồ sơ được số hóa', 'Digitised dossiers', 4, null, 'NA', 'bảng điểm ghi ngưỡng 80 %, số liệu đối chiếu cho thấy tuyến tính (verify)'),
 ('4.2c', 5, 3, 'Cấp bản sao điện tử có chứng thực', 'Electronic certified copies', 2, null, 'NA', null),
 ('4.3', 5, 4, 'Tái sử dụng dữ liệu số hóa', 'Reuse of digitised data', 2, 80, 'NA', null),
 ('4.4', 5, 5, 'Khai thác, đồng bộ Kho dữ liệu của công dân', 'Citizen data store used or fed', 4, null, 'NA', null),
 ('4.5b', 5, 6, 'Hồ sơ sử dụng dữ liệu dân cư', 'Dossiers using population data', 2, null, 'NA', null),
 ('4.5a', 5, 7, 'TTHC kết nối Cơ sở dữ liệu quốc gia về dân cư', 'Procedures connected to the population database', 2, null, 'NA', null),
 ('5.1', 6, 1, 'Phản ánh, kiến nghị theo loại (theo dõi)', 'Feedback by category (monitoring)', 0, null, 'NA', 'không tính điểm'),
 ('5.2', 6, 2, 'Phản ánh, kiến nghị xử lý đúng hạn', 'Feedback handled on time', 6, null, 'FULL', null),
 ('5.3', 6, 3, 'Hài lòng về xử lý phản ánh, kiến nghị', 'Satisfaction with feedback handling', 6, null, 'FULL', null),
 ('5.4', 6, 4, 'Hài lòng về giải quyết TTHC', 'Satisfaction with dossier handling', 6, 90, 'NA', null);

insert into quality_band (name, name_en, min_score) values
 ('Xuất sắc', 'Excellent', 90), ('Tốt', 'Good', 80), ('Khá', 'Fair', 70), ('Trung bình', 'Average', 50), ('Yếu', 'Weak', 0);

-- One row per received dossier, kept by the quality module from the events of the dossier, payment and feedback modules
-- (and the portal delivery check): what the index needs, so that a month of a province is one pass over an index range.
create table quality_fact (
    dossier_id          bigint        primary key,
    code                varchar(60)   not null,
    procedure_code      varchar(40)   not null,
    procedure_name      varchar(500)  not null,
    unit_id             bigint        not null,
    handling_agency_id  bigint        not null,
    received_on         date          not null,
    received_at         timestamp     not null,
    channel             varchar(10)   not null,
    status              varchar(30)   not null,
    due_at              timestamp,
    ended_at            timestamp,
    end_kind            varchar(12),
    late                boolean       not null,
    supplement_count    int           not null,
    supplement_late     boolean       not null,
    handling_days       numeric(8, 2),
    fee_bearing         boolean       not null,
    paid_online         boolean       not null,
    result_document     boolean       not null,
    e_result            boolean       not null,
    digitised           boolean       not null,
    reused              boolean       not null,
    certified_copy      boolean       not null,
    e_copy              boolean       not null,
    citizen_store       boolean       not null,
    population          boolean       not null,
    synced              boolean       not null,
    rating              varchar(20),
    unhappy             boolean       not null,
    refreshed_at        timestamp     not null
);
-- One row per dossier whose fact was ever written: locked (select … for update) while its fact is recomputed, so that
-- two events of one dossier handled at once write in turn, each from what it read after the other committed.
create table quality_fact_lock (
    dossier_id  bigint  primary key
);
create index ix_quality_fact_period on quality_fact (received_on, unit_id);
create index ix_quality_fact_unit on quality_fact (unit_id, received_on);
create index ix_quality_fact_unsynced on quality_fact (synced, refreshed_at);

-- Monday review (seed 004 item 9): who answers for each group of a unit, the weekly review and the remediation tasks.
create table quality_assignment (
    unit_id      bigint       not null,
    group_no     int          not null,
    username     varchar(80)  not null,
    assigned_by  varchar(80)  not null,
    assigned_at  timestamp    not null,
    primary key (unit_id, group_no)
);

create table quality_review (
    id           bigint generated by default as identity primary key,
    unit_id      bigint        not null,
    week_start   date          not null,
    score        numeric(6, 2),
    reviewed_by  varchar(80)   not null,
    reviewed_at  timestamp     not null,
    note         varchar(2000),
    constraint uq_quality_review unique (unit_id, week_start)
);

create table quality_task (
    id            bigint generated by default as identity primary key,
    unit_id       bigint        not null,
    group_no      int           not null,
    indicator     varchar(10),
    what          varchar(1000) not null,
    assignee      varchar(80)   not null,
    due_on        date          not null,
    created_by    varchar(80)   not null,
    created_at    timestamp     not null,
    done_at       timestamp,
    done_by       varchar(80),
    outcome       varchar(1000),
    row_version   bigint        not null default 0
);
create index ix_quality_task_unit on quality_task (unit_id, done_at);

-- The national portal's published score for a unit and period, entered or imported, shown beside our own.
create table quality_portal_score (
    unit_id      bigint        not null,
    period       varchar(20)   not null,
    group_no     int           not null,
    points       numeric(6, 2) not null,
    entered_by   varchar(80)   not null,
    entered_at   timestamp     not null,
    primary key (unit_id, period, group_no)
);
