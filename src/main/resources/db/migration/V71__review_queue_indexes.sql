-- The review queue pages by key: each sort reads its index from (tenant, campaign, status) onwards.
create index survey_form_queue_time on survey_form (tenant_id, campaign_id, status, submitted_at, id);
create index survey_form_queue_number on survey_form (tenant_id, campaign_id, status, kigo, bango, id);
