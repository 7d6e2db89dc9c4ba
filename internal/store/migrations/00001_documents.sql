-- Documents, their full-text index and the near-duplicate tables.
--
-- Every document has two keys: id (the input's document id, what users and
-- exports see) and n, an INTEGER PRIMARY KEY (an alias of SQLite's rowid, so
-- VACUUM never renumbers it). n keys the FTS row, the MinHash signature and
-- the LSH rows; a document that is replaced keeps its n. Later tables
-- (mentions, events) reference documents(n) or documents(id).
--
-- Large text columns come last in the row: SQLite reads a row's columns in
-- order, so filters on outlet/published/title never touch the overflow pages
-- that hold clean_text and norm_text.

-- +goose Up
CREATE TABLE documents (
    n           INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    raw_hash    TEXT NOT NULL UNIQUE,
    source      TEXT NOT NULL DEFAULT '',
    origin      TEXT NOT NULL DEFAULT '',
    url         TEXT NOT NULL DEFAULT '',
    outlet      TEXT NOT NULL DEFAULT '',
    title       TEXT NOT NULL DEFAULT '',
    author      TEXT NOT NULL DEFAULT '',
    published   TEXT NOT NULL DEFAULT '',  -- ISO 8601 date or date-time, '' when unknown
    dateline    TEXT NOT NULL DEFAULT '',
    encoding    TEXT NOT NULL DEFAULT '',
    dupe_group  TEXT,                      -- smallest id of its near-duplicate group, NULL if none
    ingested_at TEXT NOT NULL,             -- RFC 3339 UTC
    removed     TEXT NOT NULL DEFAULT '[]', -- JSON array of the spans document cleaning removed
    clean_text  TEXT NOT NULL DEFAULT '',
    norm_text   TEXT NOT NULL DEFAULT ''   -- arabic.Fold(clean_text)
);
CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_outlet ON documents (outlet, published);
CREATE INDEX documents_dupe_group ON documents (dupe_group) WHERE dupe_group IS NOT NULL;

-- Full-text index, rowid = documents.n (see fts.go): lead = the first 60
-- search keys (title and opening), body = the rest, meta = filter tokens
-- (outlet, publication day/month/year). Keys are already normalized by
-- package arabic and space-separated, so the ascii tokenizer (split at ASCII
-- punctuation and spaces, every non-ASCII byte part of a token) is exact and
-- cheap. columnsize=0: no per-row length to look up when ranking.
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    lead, body, meta,
    content = '',
    columnsize = 0,
    tokenize = 'ascii'
);

-- The values each documents_fts row was inserted with: a contentless FTS5
-- row is deleted by giving them back.
CREATE TABLE documents_fts_rows (
    n    INTEGER PRIMARY KEY,  -- documents.n
    lead TEXT NOT NULL,
    body TEXT NOT NULL,
    meta TEXT NOT NULL
);

-- MinHash signature of each document that has one (package dedup):
-- little-endian uint64s.
CREATE TABLE minhash (
    doc INTEGER PRIMARY KEY,  -- documents.n
    sig BLOB NOT NULL
);

-- LSH band hashes of the signatures (dedup.Bands): documents sharing a band
-- hash are near-duplicate candidates. The hash already mixes in the band
-- number, so it is the key on its own.
CREATE TABLE lsh (
    hash INTEGER NOT NULL,
    doc  INTEGER NOT NULL,    -- documents.n
    band INTEGER NOT NULL,
    PRIMARY KEY (hash, doc)
) WITHOUT ROWID;

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- +goose Down
DROP TABLE meta;
DROP TABLE lsh;
DROP TABLE minhash;
DROP TABLE documents_fts_rows;
DROP TABLE documents_fts;
DROP TABLE documents;
