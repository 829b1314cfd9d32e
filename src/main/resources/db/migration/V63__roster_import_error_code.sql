-- An import problem's message code and arguments, so that the staff page can show it in the viewer's
-- language; message keeps the Japanese text (rows stored before this have no code and show that text).
alter table roster_import_error add column message_code varchar(50);
alter table roster_import_error add column message_args varchar(2000);
