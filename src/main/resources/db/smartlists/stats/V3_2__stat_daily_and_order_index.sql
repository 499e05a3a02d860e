-- Smart Lists statistics: a daily level above the hourly roll-ups, and an index for the orders the
-- figures read from the event log. Portable SQL for H2 2.x and PostgreSQL.
--
-- The admin screen counts whole UTC days (7, 30, 90 days or a custom range). Read from
-- SL_STAT_HOURLY, 90 days are up to 2,160 hours x 108 keys = 233,000 rows per figure; a day's
-- roll-up is 108 rows at most. SL_STAT_DAILY holds, per UTC day (days since 1970-01-01, the same
-- FLOOR(EXTRACT(EPOCH FROM ...) / 86400) the queries group by) and key, the sum of that day's
-- rolled-up hours. The roll-up job refreshes the day of each hour it rolls up in the same
-- transaction; the figures read it only for days that lie wholly inside the rolled-up span, and
-- SL_STAT_HOURLY for the hours at the span's edges.
CREATE TABLE SL_STAT_DAILY (
  EPOCH_DAY BIGINT NOT NULL,
  PLACEMENT VARCHAR(40) NOT NULL,
  STAGE VARCHAR(40) NOT NULL,
  LIST_TYPE VARCHAR(60) NOT NULL,
  SLOT_POSITION INT NOT NULL,
  ARM VARCHAR(10) NOT NULL,
  IMPRESSIONS BIGINT NOT NULL,
  CLICKS BIGINT NOT NULL,
  CART_ADDS BIGINT NOT NULL,
  CONSTRAINT SL_STAT_DAILY_PK PRIMARY KEY (EPOCH_DAY, PLACEMENT, STAGE, LIST_TYPE, SLOT_POSITION, ARM)
);

-- the days of the hours rolled up before this migration
INSERT INTO SL_STAT_DAILY (EPOCH_DAY, PLACEMENT, STAGE, LIST_TYPE, SLOT_POSITION, ARM, IMPRESSIONS,
  CLICKS, CART_ADDS)
SELECT FLOOR(EXTRACT(EPOCH FROM HOUR_START) / 86400), PLACEMENT, STAGE, LIST_TYPE, SLOT_POSITION,
  ARM, SUM(IMPRESSIONS), SUM(CLICKS), SUM(CART_ADDS)
FROM SL_STAT_HOURLY
GROUP BY FLOOR(EXTRACT(EPOCH FROM HOUR_START) / 86400), PLACEMENT, STAGE, LIST_TYPE, SLOT_POSITION,
  ARM;

-- the figures read the orders of a range (TYPE = 'OrderConfirmed') and their later cancellations
-- and returns from SL_EVENT, which mostly holds views: without this index both scan the whole log
CREATE INDEX SL_EVENT_TYPE_OCCURRED_IDX ON SL_EVENT (TYPE, OCCURRED_AT);

-- the holdout comparison groups the exposure roll-up of a range by (visitor, customer, arm): over
-- 90 days of a busy store that is most of the table, which PostgreSQL reads in this order (its hash
-- aggregate does not fit the default work_mem). With every column it reads in the index, it can
-- read the index alone, presorted by the group key. It also serves what the visitor index did.
CREATE INDEX SL_STAT_HOURLY_EXPOSURE_SHOPPER_IDX
  ON SL_STAT_HOURLY_EXPOSURE (VISITOR_ID, CUSTOMER_ID, ARM, HOUR_START, FIRST_AT);
DROP INDEX SL_STAT_HOURLY_EXPOSURE_VISITOR_IDX;
