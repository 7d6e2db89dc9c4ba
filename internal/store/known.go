package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// HasHash reports whether content with this raw hash is already stored
// (under any id). Ingest asks it before doing any work on a record, so a
// re-run over unchanged inputs costs one indexed lookup per record.
func (s *Store) HasHash(ctx context.Context, rawHash string) (bool, error) {
	var one int
	err := s.db.QueryRowContext(ctx, "SELECT 1 FROM documents WHERE raw_hash = ?", rawHash).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("store: looking up a hash: %w", err)
	}
	return true, nil
}
