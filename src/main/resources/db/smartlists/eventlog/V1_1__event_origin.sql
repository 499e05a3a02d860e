-- Smart Lists event log (issue #11, after the statistics recorder): product and category views are written by each node's
-- asynchronous statistics writer, in batches, after the node that served the view has applied it to
-- its own signals. ORIGIN is that node's id (random per start), so its tailer skips its own views
-- while the other nodes apply them; events published in the host's transaction (orders, cart
-- changes, sign-ins) have no ORIGIN and every node applies them.
-- Portable SQL for H2 2.x and PostgreSQL; the module's own Flyway (history table SL_SCHEMA_HISTORY).

ALTER TABLE SL_EVENT ADD COLUMN ORIGIN VARCHAR(36);
