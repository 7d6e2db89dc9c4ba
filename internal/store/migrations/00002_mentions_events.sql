-- Mentions (places, actors, cited sources) and events found in documents.
-- Both belong to a document version: replacing a document replaces them, and
-- deleting it deletes them (ON DELETE CASCADE on documents.n).

-- +goose Up
CREATE TABLE mentions (
    doc_n     INTEGER NOT NULL REFERENCES documents (n) ON DELETE CASCADE,
    kind      TEXT NOT NULL,             -- place, actor, source
    start     INTEGER NOT NULL,          -- byte offsets into documents.clean_text
    end       INTEGER NOT NULL,
    text      TEXT NOT NULL,             -- surface form as written (the outlet's wording)
    key       TEXT NOT NULL DEFAULT '',  -- place: canonical name; actor: canonical id; source: source name
    entry     TEXT NOT NULL DEFAULT '',  -- place: gazetteer id; actor: group
    framing   TEXT NOT NULL DEFAULT '',  -- actor: whose vocabulary the form is
    lat       REAL,
    lon       REAL,
    precision INTEGER
);
CREATE INDEX mentions_doc ON mentions (doc_n);
CREATE INDEX mentions_key ON mentions (kind, key);

CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    doc_n          INTEGER NOT NULL REFERENCES documents (n) ON DELETE CASCADE,
    type           TEXT NOT NULL,
    subtype        TEXT NOT NULL,
    actor1         TEXT NOT NULL DEFAULT '',
    actor2         TEXT NOT NULL DEFAULT '',
    place          TEXT NOT NULL DEFAULT '',  -- canonical place name
    place_id       TEXT NOT NULL DEFAULT '',
    admin1         TEXT NOT NULL DEFAULT '',
    lat            REAL,
    lon            REAL,
    geo_precision  INTEGER,
    date           TEXT NOT NULL DEFAULT '',  -- ISO date, '' when unknown
    time_precision INTEGER,
    killed         INTEGER NOT NULL DEFAULT 0, -- sum of stated fatalities
    record         TEXT NOT NULL              -- the spec's event record as JSON
);
CREATE INDEX events_doc ON events (doc_n);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_type ON events (type, subtype);
CREATE INDEX events_actor1 ON events (actor1);
CREATE INDEX events_place ON events (place);

-- Spatial index of event locations (bounding-box queries).
CREATE VIRTUAL TABLE events_rtree USING rtree (id, min_lon, max_lon, min_lat, max_lat);

-- +goose StatementBegin
CREATE TRIGGER events_rtree_insert AFTER INSERT ON events WHEN new.lat IS NOT NULL AND new.lon IS NOT NULL
BEGIN
    INSERT INTO events_rtree (id, min_lon, max_lon, min_lat, max_lat) VALUES (new.id, new.lon, new.lon, new.lat, new.lat);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER events_rtree_delete AFTER DELETE ON events
BEGIN
    DELETE FROM events_rtree WHERE id = old.id;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER events_rtree_delete;
DROP TRIGGER events_rtree_insert;
DROP TABLE events_rtree;
DROP TABLE events;
DROP TABLE mentions;
