-- 振込指定日 (the 全銀 file's 取組日): chosen by the administrator when the transfer file is made,
-- instead of the date of its first download (a bank needs the file days before it pays).
alter table subsidy_payment_batch add column transfer_date date;
