-- The insurer's own words (plain text or safe Markdown) on where its members find 記号・番号 and 枝番,
-- shown on sign-up and the forgot-ID page next to the generic text.
alter table tenant add column member_number_guidance varchar(2000);
