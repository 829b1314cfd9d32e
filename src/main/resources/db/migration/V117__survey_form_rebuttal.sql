-- Rebuttals (issue 14). rebuttal_at: the member responded to a 削除予定 and the form is back in the review,
-- shown 「反論あり」 in the queue until it is 確認完了 again. rebuttal_documents_until: while a removal of the
-- household is 削除予定, the member may add documents to the form for their response, whatever the campaign's
-- state (the window's end, set when the removal is approved).
alter table survey_form add column rebuttal_at timestamp with time zone;
alter table survey_form add column rebuttal_documents_until timestamp with time zone;
