package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"

	"github.com/pressly/goose/v3"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is a rasad database. It is safe for concurrent use; writes are
// serialized by SQLite (one writer at a time, readers never blocked: WAL).
type Store struct {
	db   *sql.DB
	path string
}

// DefaultPath returns where the database lives when the user names none:
// $RASAD_DB if set, else $XDG_DATA_HOME/rasad/rasad.db, else
// ~/.local/share/rasad/rasad.db.
func DefaultPath() (string, error) {
	if p := os.Getenv("RASAD_DB"); p != "" {
		return p, nil
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "rasad", "rasad.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("store: no database path: $RASAD_DB, $XDG_DATA_HOME and the home directory are all unset: %w", err)
	}
	return filepath.Join(home, ".local", "share", "rasad", "rasad.db"), nil
}

// pragmas applied to every connection. busy_timeout lets a second process
// wait for the writer instead of failing; synchronous=NORMAL is durable
// across application crashes in WAL mode (a power loss can lose the last
// transactions, never corrupt the file).
var pragmas = []string{
	"busy_timeout(10000)",
	"journal_mode(WAL)",
	"foreign_keys(1)",
	"synchronous(NORMAL)",
	"cache_size(-32000)", // 32 MB page cache per connection
	"temp_store(MEMORY)",
	"wal_autocheckpoint(4000)", // pages (16 MB): fewer checkpoints during ingest
}

func dsn(path string) string {
	u := url.URL{Scheme: "file", Path: path}
	q := url.Values{}
	for _, p := range pragmas {
		q.Add("_pragma", p)
	}
	// Write transactions take the write lock at BEGIN, so two writers
	// queue on busy_timeout instead of failing to upgrade a read lock.
	q.Set("_txlock", "immediate")
	return u.String() + "?" + q.Encode()
}

// Open opens (creating it and its parent directory if needed) the database
// at path and brings its schema up to date.
func Open(path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("store: empty database path")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("store: database path %q: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return nil, fmt.Errorf("store: creating directory for %s: %w", abs, err)
	}
	if fi, err := os.Stat(abs); err == nil && fi.IsDir() {
		return nil, fmt.Errorf("store: database path %s is a directory", abs)
	}
	db, err := sql.Open("sqlite", dsn(abs))
	if err != nil {
		return nil, fmt.Errorf("store: opening %s: %w", abs, err)
	}
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(8)
	s := &Store{db: db, path: abs}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: %s: %w", abs, err)
	}
	return s, nil
}

func (s *Store) migrate(ctx context.Context) error {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return err
	}
	p, err := goose.NewProvider(goose.DialectSQLite3, s.db, sub, goose.WithDisableGlobalRegistry(true))
	if err != nil {
		return fmt.Errorf("loading migrations: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrating schema (is this a rasad database?): %w", err)
	}
	return nil
}

// Path returns the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// Close checkpoints the write-ahead log and closes the database.
func (s *Store) Close() error {
	// Best effort: fold the WAL back into the main file so a closed
	// database is a single file.
	_, _ = s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	return s.db.Close()
}

// SchemaVersion returns the version of the last migration applied.
func (s *Store) SchemaVersion(ctx context.Context) (int64, error) {
	var v int64
	err := s.db.QueryRowContext(ctx, "SELECT COALESCE(MAX(version_id), 0) FROM goose_db_version WHERE is_applied").Scan(&v)
	return v, err
}

// Meta returns the value stored under key in the meta table ("" and false
// when absent).
func (s *Store) Meta(ctx context.Context, key string) (string, bool, error) {
	var v string
	err := s.db.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = ?", key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("store: reading meta %q: %w", key, err)
	}
	return v, true, nil
}

// SetMeta stores value under key in the meta table.
func (s *Store) SetMeta(ctx context.Context, key, value string) error {
	_, err := s.db.ExecContext(ctx, "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value)
	if err != nil {
		return fmt.Errorf("store: writing meta %q: %w", key, err)
	}
	return nil
}

// Optimize merges the full-text index into one segment and refreshes the
// query planner's statistics. Worth running after a large ingest; it takes
// a few seconds on tens of thousands of documents.
func (s *Store) Optimize(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, "INSERT INTO documents_fts (documents_fts) VALUES ('optimize')"); err != nil {
		return fmt.Errorf("store: optimizing full-text index: %w", err)
	}
	if _, err := s.db.ExecContext(ctx, "PRAGMA optimize"); err != nil {
		return fmt.Errorf("store: optimize: %w", err)
	}
	return nil
}
