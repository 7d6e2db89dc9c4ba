-- Ingest asks, for every record, under which id its content is stored
-- (store.StoredAs). This index answers that from the index alone, without
-- reading the document rows.

-- +goose Up
CREATE INDEX documents_hash_id ON documents (raw_hash, id);

-- +goose Down
DROP INDEX documents_hash_id;
