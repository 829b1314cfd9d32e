-- Indexes found by the review queue benchmark (ReviewQueueBenchmark, docs/benchmarks.md): 100,000 forms in
-- one campaign. A name search reads the matching insured persons from the roster and looks their forms up by
-- insured person; the counts per tab, the office list and the reviewer list of every queue page read these
-- narrow indexes instead of every form row.
create index survey_form_insured on survey_form (insured_person_id);
create index survey_form_queue_counts on survey_form (tenant_id, campaign_id, status, returned_count);
create index survey_form_queue_offices on survey_form (tenant_id, campaign_id, office_code, office_name);
create index survey_form_queue_reviewers on survey_form (tenant_id, campaign_id, reviewer);
