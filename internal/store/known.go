package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// StoredAs returns the id of the document stored with this raw hash, or ""
// when the content is not stored. Ingest asks it before doing any work on a
// record, so a re-run over unchanged inputs costs one indexed lookup per
// record and writes nothing.
func (s *Store) StoredAs(ctx context.Context, rawHash string) (string, error) {
	var id string
	err := s.db.QueryRowContext(ctx, "SELECT id FROM documents WHERE raw_hash = ?", rawHash).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("store: looking up a hash: %w", err)
	}
	return id, nil
}
