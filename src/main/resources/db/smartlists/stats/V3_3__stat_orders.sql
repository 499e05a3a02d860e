-- Smart Lists statistics: each order's figures outside the event log's JSON, so that attribution
-- and the holdout comparison read a few columns instead of decoding every OrderConfirmed payload
-- of the range. Portable SQL for H2 2.x and PostgreSQL.
--
-- Written by io.smartlists.stats.StatOrders on the thread (and in the transaction) that publishes
-- the order event to SL_EVENT, inside a savepoint so that a failure here never fails the store's
-- order. Idempotent: an order id is inserted once (a second OrderConfirmed of the same id changes
-- nothing), a cancellation only marks the order, a return is applied once per distinct return event
-- (SL_STAT_ORDER_RETURN). The rows hold the order as it stands now, as StandingOrders computes it
-- from the log: a cancelled order, or one returned in full, is not STANDING; returned units leave
-- its lines' QUANTITY and its REVENUE. V3_3_1 (a Java migration, db.smartlists.stats) fills the
-- tables from the order events already in SL_EVENT.
--
-- The module's privacy erasure deletes SL_STAT_ORDER rows by VISITOR_ID and CUSTOMER_ID; the lines
-- and return keys go with them (ON DELETE CASCADE).
CREATE TABLE SL_STAT_ORDER (
  ORDER_ID VARCHAR(200) PRIMARY KEY,
  -- the OrderConfirmed event's time (SL_EVENT.OCCURRED_AT), what the figures' ranges select on
  AT TIMESTAMP WITH TIME ZONE NOT NULL,
  VISITOR_ID VARCHAR(64) NOT NULL,
  CUSTOMER_ID VARCHAR(100),
  -- sum of QUANTITY x UNIT_PRICE of the standing lines
  REVENUE DECIMAL(38, 10) NOT NULL,
  STANDING BOOLEAN NOT NULL
);

CREATE TABLE SL_STAT_ORDER_LINE (
  ORDER_ID VARCHAR(200) NOT NULL,
  LINE_NO INT NOT NULL,
  PRODUCT_ID VARCHAR(100) NOT NULL,
  -- units still standing (0 once returned)
  QUANTITY INT NOT NULL,
  UNIT_PRICE DECIMAL(38, 10) NOT NULL,
  CONSTRAINT SL_STAT_ORDER_LINE_PK PRIMARY KEY (ORDER_ID, LINE_NO),
  CONSTRAINT SL_STAT_ORDER_LINE_ORDER_FK FOREIGN KEY (ORDER_ID)
    REFERENCES SL_STAT_ORDER (ORDER_ID) ON DELETE CASCADE
);

-- one row per distinct OrderReturned applied (a SHA-256 of the event's fields): a return the log
-- delivers twice is deducted once
CREATE TABLE SL_STAT_ORDER_RETURN (
  ORDER_ID VARCHAR(200) NOT NULL,
  RETURN_KEY VARCHAR(64) NOT NULL,
  CONSTRAINT SL_STAT_ORDER_RETURN_PK PRIMARY KEY (ORDER_ID, RETURN_KEY),
  CONSTRAINT SL_STAT_ORDER_RETURN_ORDER_FK FOREIGN KEY (ORDER_ID)
    REFERENCES SL_STAT_ORDER (ORDER_ID) ON DELETE CASCADE
);

-- the holdout comparison reads the standing orders of a range with their shopper and revenue:
-- every column it reads is in the index
CREATE INDEX SL_STAT_ORDER_AT_IDX
  ON SL_STAT_ORDER (AT, STANDING, VISITOR_ID, CUSTOMER_ID, REVENUE);
-- attribution's clicks are those of the range's shoppers with an order; erasure by shopper
CREATE INDEX SL_STAT_ORDER_VISITOR_IDX ON SL_STAT_ORDER (VISITOR_ID);
CREATE INDEX SL_STAT_ORDER_CUSTOMER_IDX ON SL_STAT_ORDER (CUSTOMER_ID);
