-- dyad store, schema version 2: fewer indexes for a faster ingest.
--
-- Events and dyads are filtered and counted through an in-memory index the
-- store builds from the events and event_groups tables (see index.go), so
-- the per-column indexes of events and event_groups are no longer read;
-- each one cost a random B-tree insert per stored event. events_date
-- (exports, newest first) and events_doc (documents) stay.
DROP INDEX IF EXISTS events_code;
DROP INDEX IF EXISTS events_quad;
DROP INDEX IF EXISTS events_src_country;
DROP INDEX IF EXISTS events_tgt_country;
DROP INDEX IF EXISTS groups_src;
DROP INDEX IF EXISTS groups_tgt;
