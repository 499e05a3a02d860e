-- Smart Lists statistics (issue #11): hourly roll-ups of the raw shopper events (V3), so that the
-- admin's figures read a few rows per hour instead of every impression.
-- Portable SQL for H2 2.x and PostgreSQL; the module's own Flyway (history table SL_SCHEMA_HISTORY).
--
-- Every node runs the roll-up job; an hour [HOUR_START, HOUR_START + 1 h) is rolled up in one
-- transaction that first inserts its row into SL_STAT_ROLLUP (primary key): one node wins each
-- hour, the others roll back. Hours are rolled up in order, so the rolled-up hours are the span
-- [MIN(HOUR_START), MAX(HOUR_START) + 1 h); the figures read the roll-ups for that span and the raw
-- rows outside it (the current hour and the grace after it), and are exact either way.

-- per (hour, placement, stage, list, slot position, arm): slot impressions of that arm, and the
-- clicks and add-to-carts of the hour (clicks have no arm column: only exposed shoppers see links,
-- so they are kept in the EXPOSED row). A click counts in the hour of its token's first recording,
-- an add-to-cart in the hour of the first add for its click token.
CREATE TABLE SL_STAT_HOURLY (
  HOUR_START TIMESTAMP WITH TIME ZONE NOT NULL,
  PLACEMENT VARCHAR(40) NOT NULL,
  STAGE VARCHAR(40) NOT NULL,
  LIST_TYPE VARCHAR(60) NOT NULL,
  SLOT_POSITION INT NOT NULL,
  ARM VARCHAR(10) NOT NULL,
  IMPRESSIONS BIGINT NOT NULL,
  CLICKS BIGINT NOT NULL,
  CART_ADDS BIGINT NOT NULL,
  CONSTRAINT SL_STAT_HOURLY_PK PRIMARY KEY (HOUR_START, PLACEMENT, STAGE, LIST_TYPE, SLOT_POSITION, ARM)
);

-- per (hour, visitor, customer, arm): the first impression in that hour; the holdout comparison's
-- shoppers over a range are the minimum of FIRST_AT per (visitor, customer, arm)
CREATE TABLE SL_STAT_HOURLY_EXPOSURE (
  HOUR_START TIMESTAMP WITH TIME ZONE NOT NULL,
  VISITOR_ID VARCHAR(64) NOT NULL,
  CUSTOMER_ID VARCHAR(100),
  ARM VARCHAR(10) NOT NULL,
  FIRST_AT TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX SL_STAT_HOURLY_EXPOSURE_HOUR_IDX ON SL_STAT_HOURLY_EXPOSURE (HOUR_START);
CREATE INDEX SL_STAT_HOURLY_EXPOSURE_VISITOR_IDX ON SL_STAT_HOURLY_EXPOSURE (VISITOR_ID);
CREATE INDEX SL_STAT_HOURLY_EXPOSURE_CUSTOMER_IDX ON SL_STAT_HOURLY_EXPOSURE (CUSTOMER_ID);

-- one row per hour rolled up: inserting it is how one node (and only one) wins that hour
CREATE TABLE SL_STAT_ROLLUP (
  HOUR_START TIMESTAMP WITH TIME ZONE PRIMARY KEY,
  ROLLED_AT TIMESTAMP WITH TIME ZONE NOT NULL,
  NODE VARCHAR(64) NOT NULL
);

-- a click or an add-to-cart counts once per token, at its first recording
CREATE INDEX SL_STAT_CLICK_TOKEN_IDX ON SL_STAT_CLICK (TOKEN);
CREATE INDEX SL_STAT_CART_ADD_TOKEN_IDX ON SL_STAT_CART_ADD (CLICK_TOKEN);
