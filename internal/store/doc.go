// Package store keeps documents (and, later, mentions and events) in an
// embedded SQLite database managed with goose migrations, with full-text
// search over text that rasad normalized itself.
//
// Writes go through PutBatch, one transaction per batch: content already
// stored (same raw hash) is never stored twice, a document id stored with
// other content is replaced, and near-duplicates (package dedup) are
// grouped. A process killed at any point leaves the database as it was
// after the last committed batch; running the same ingest again stores
// what is missing and reports the rest Unchanged.
//
// Search runs entirely on the FTS5 index (see fts.go for its layout and
// ranking): the caller gives an FTS5 MATCH expression over search keys,
// built by package search; outlet and date filters are index terms.
//
// Batches of 500-2000 documents are the sweet spot: each batch's index
// changes are written at its end, in rowid order.
package store
