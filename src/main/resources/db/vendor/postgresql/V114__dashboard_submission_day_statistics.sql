-- The dashboard counts a campaign's forms per Japan day of their submission (DashboardQueries.submissionsPerDay).
-- Without statistics on that expression PostgreSQL takes it for as many groups as there are forms and sorts all
-- 100,000 of them instead of hashing the few dozen days; with them it hashes (issue 14, docs/benchmarks.md).
-- The expression must stay the query's own: cast(submitted_at at time zone 'Asia/Tokyo' as date).
create statistics survey_form_submitted_day on (cast(submitted_at at time zone 'Asia/Tokyo' as date)) from survey_form;
analyze survey_form;
