-- The name of the insurer's help desk (窓口名, e.g. 「デモ健康保険組合 適用グループ」), shown to members with its phone and mail.
alter table tenant add column support_name varchar(100);
