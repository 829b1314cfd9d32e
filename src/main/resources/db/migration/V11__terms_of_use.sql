-- Versioned terms of use (利用規約), site-wide. The highest published version is the current one.
create table terms_version (
    version      int           not null primary key,
    title        varchar(200)  not null,
    body         varchar(50000) not null,
    published_at timestamp with time zone not null,
    published_by varchar(100)
);
