-- Staff proxy input (代行入力, issue 12 screen 8): staff fill a household's form for a paper, phone or
-- counter answer. survey_form keeps the channel and staff member of the proxy input in progress (set
-- when staff start it); each submission in survey_form_event records who sent it and through which
-- channel (null = the member on the web), so the latest submission tells the exports and the member.
alter table survey_form add column proxy_channel varchar(10);
alter table survey_form add column proxy_staff varchar(100);
alter table survey_form_event add column channel varchar(10);
alter table survey_form_event add column actor_id varchar(100);
