-- Indexes for the HTTP API's event queries (package api), which list events
-- latest first and count all the events a filter selects.
--
-- The events table's rows carry the whole JSON record, so every row an
-- index sends a query to costs a wide read. The date and (type, date)
-- indexes therefore carry every column the filters test (type, subtype,
-- actors, place, document, coordinates): listing and counting read the
-- index alone, in date order, and a page stops at its size. An actor
-- filter matches actor1 OR actor2: with an index on each, carrying the
-- date, SQLite answers the OR from the two indexes.

-- +goose Up
DROP INDEX events_date;
CREATE INDEX events_date ON events (date, type, subtype, actor1, actor2, place, doc_n, lat, lon);
DROP INDEX events_actor1;
CREATE INDEX events_actor1 ON events (actor1, date);
CREATE INDEX events_actor2 ON events (actor2, date);
CREATE INDEX events_type_date ON events (type, date, subtype, actor1, actor2, place, doc_n, lat, lon);

-- +goose Down
DROP INDEX events_type_date;
DROP INDEX events_actor2;
DROP INDEX events_actor1;
CREATE INDEX events_actor1 ON events (actor1);
DROP INDEX events_date;
CREATE INDEX events_date ON events (date);
