package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"rasad/internal/dedup"
)

// ErrNotFound is returned (wrapped) when a document id is not in the store.
var ErrNotFound = errors.New("not found")

// Doc is one stored document.
type Doc struct {
	ID        string          `json:"id"`
	RawHash   string          `json:"raw_hash"`         // hex sha256 of the raw input bytes (source.Record.Hash)
	Source    string          `json:"source,omitempty"` // path or URL it was read from
	Origin    string          `json:"origin,omitempty"` // where in the input: path:line, archive.zip!member
	URL       string          `json:"url,omitempty"`
	Outlet    string          `json:"outlet,omitempty"`
	Title     string          `json:"title,omitempty"`
	Author    string          `json:"author,omitempty"`
	Published string          `json:"published,omitempty"` // ISO 8601: 2017-10-29 or 2017-10-29T08:00:00Z; "" unknown
	Dateline  string          `json:"dateline,omitempty"`
	Encoding  string          `json:"encoding,omitempty"`
	CleanText string          `json:"clean_text,omitempty"`
	NormText  string          `json:"norm_text,omitempty"` // arabic.Fold(CleanText)
	Removed   json.RawMessage `json:"removed,omitempty"`   // JSON array of removed spans; nil stores []

	// Set by the store; ignored by PutBatch.
	DupeGroup  string `json:"dupe_group,omitempty"`  // near-duplicate group id (its smallest doc id), "" if none
	IngestedAt string `json:"ingested_at,omitempty"` // RFC 3339 UTC time of the last insert or update

	// Inputs of PutBatch, never read back.
	IndexText string    `json:"-"` // space-separated search keys of title and text (arabic.AppendSearchKeys)
	Signature []uint64  `json:"-"` // dedup.SignatureText(IndexText); nil: takes no part in near-duplicate detection
	Mentions  []Mention `json:"-"` // places, actors and sources found in CleanText (replace any stored)
	Events    []Event   `json:"-"` // events extracted from CleanText (replace any stored)
}

// PutStatus says what PutBatch did with a document.
type PutStatus int

const (
	Inserted  PutStatus = iota + 1 // new id, new content
	Updated                        // id was stored with other content: replaced
	Unchanged                      // id was stored with this content: nothing done
	Duplicate                      // this content is stored under another id (PutResult.DuplicateOf): not stored
)

var statusNames = [...]string{Inserted: "inserted", Updated: "updated", Unchanged: "unchanged", Duplicate: "duplicate"}

func (s PutStatus) String() string {
	if s > 0 && int(s) < len(statusNames) {
		return statusNames[s]
	}
	return fmt.Sprintf("PutStatus(%d)", int(s))
}

// MarshalText makes a PutStatus a JSON string.
func (s PutStatus) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// PutResult is the outcome for one document of PutBatch.
type PutResult struct {
	ID          string    `json:"id"`
	Status      PutStatus `json:"status"`
	DuplicateOf string    `json:"duplicate_of,omitempty"` // Duplicate: the id the same content is stored under
	DupeGroup   string    `json:"dupe_group,omitempty"`   // Inserted/Updated: near-duplicate group joined, if any
}

func validate(i int, d *Doc) error {
	switch {
	case d.ID == "":
		return fmt.Errorf("store: document %d of the batch has an empty id", i)
	case !utf8.ValidString(d.ID):
		return fmt.Errorf("store: document %d of the batch: id %q is not valid UTF-8", i, d.ID)
	case d.RawHash == "":
		return fmt.Errorf("store: document %q has an empty raw hash", d.ID)
	case d.Signature != nil && len(d.Signature) != dedup.NumHashes:
		return fmt.Errorf("store: document %q: signature has %d values, want %d (dedup.NumHashes) or none", d.ID, len(d.Signature), dedup.NumHashes)
	case len(d.Removed) > 0 && !json.Valid(d.Removed):
		return fmt.Errorf("store: document %q: removed spans are not valid JSON", d.ID)
	}
	return nil
}

// PutBatch stores docs in one transaction and reports, in order, what it
// did with each (see PutStatus). Content is identified by RawHash: content
// already stored is never stored twice. Near-duplicates (dedup.Threshold)
// of earlier documents, or of earlier documents of the same batch, join
// their group. Either the whole batch is stored or, on error, none of it.
func (s *Store) PutBatch(ctx context.Context, docs []Doc) ([]PutResult, error) {
	for i := range docs {
		if err := validate(i, &docs[i]); err != nil {
			return nil, err
		}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("store: starting write transaction: %w", err)
	}
	defer tx.Rollback()
	w, err := newWriter(ctx, tx)
	if err != nil {
		return nil, err
	}
	defer w.close()
	now := time.Now().UTC().Format(time.RFC3339)
	res := make([]PutResult, len(docs))
	for i := range docs {
		if res[i], err = w.put(&docs[i], now); err != nil {
			return nil, fmt.Errorf("store: storing document %q: %w", docs[i].ID, err)
		}
	}
	if err := w.flush(); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("store: committing %d documents: %w", len(docs), err)
	}
	return res, nil
}

// writer holds the prepared statements of one write transaction.
type writer struct {
	ctx   context.Context
	stmts []*sql.Stmt

	byHash, byID, insDoc, updDoc        *sql.Stmt
	insFTS, delFTS, putRow, selRow      *sql.Stmt
	delRow                              *sql.Stmt
	selSig, putSig, delSig              *sql.Stmt
	insLSH, insLSH1, delLSH, selLSH     *sql.Stmt
	selDocN, setGroupN, moveGroup, memb *sql.Stmt
	delDoc                              *sql.Stmt
	insMention, delMentions             *sql.Stmt
	insEvent, delEvents                 *sql.Stmt

	// Full-text index changes, applied by flush at the end of the
	// transaction: FTS5 writes its pending terms to disk whenever another
	// statement of the transaction opens a savepoint, so interleaving index
	// writes with other statements would write one tiny segment per
	// document and spend the ingest merging them.
	unindexFTS []ftsRow      // committed rows to delete
	index      []ftsRow      // rows to insert
	pendingIdx map[int64]int // n -> its position in index

	// Band rows of this batch's documents, written by flush in key order
	// (sorted inserts touch each B-tree page once), and looked up in
	// memory by later documents of the batch.
	pendingBands map[int64][]uint64 // doc -> its band hashes
	batchBucket  map[lshKey][]int64 // (band, hash) -> docs of this batch
}

type lshKey struct {
	band int
	hash uint64
}

// flush applies the changes queued during the transaction.
func (w *writer) flush() error {
	if err := w.flushBands(); err != nil {
		return err
	}
	return w.flushFTS()
}

const docCols = `raw_hash, source, origin, url, outlet, title, author, published, dateline, encoding, ingested_at, removed, clean_text, norm_text`

func newWriter(ctx context.Context, tx *sql.Tx) (*writer, error) {
	w := &writer{ctx: ctx, pendingBands: map[int64][]uint64{}, batchBucket: map[lshKey][]int64{}, pendingIdx: map[int64]int{}}
	prep := []struct {
		dst *(*sql.Stmt)
		sql string
	}{
		{&w.byHash, `SELECT id FROM documents WHERE raw_hash = ?`},
		{&w.byID, `SELECT n, COALESCE(dupe_group, '') FROM documents WHERE id = ?`},
		{&w.insDoc, `INSERT INTO documents (id, ` + docCols + `) VALUES (?, ?,?,?,?,?,?,?,?,?,?,?,?,?,?)`},
		{&w.updDoc, `UPDATE documents SET (` + docCols + `, dupe_group) = (?,?,?,?,?,?,?,?,?,?,?,?,?,?, NULL) WHERE n = ?`},
		{&w.insFTS, `INSERT INTO documents_fts (rowid, lead, body, meta) VALUES (?, ?, ?, ?)`},
		{&w.delFTS, `INSERT INTO documents_fts (documents_fts, rowid, lead, body, meta) VALUES ('delete', ?, ?, ?, ?)`},
		{&w.putRow, `INSERT INTO documents_fts_rows (n, lead, body, meta) VALUES (?, ?, ?, ?)`},
		{&w.selRow, `SELECT lead, body, meta FROM documents_fts_rows WHERE n = ?`},
		{&w.delRow, `DELETE FROM documents_fts_rows WHERE n = ?`},
		{&w.selSig, `SELECT sig FROM minhash WHERE doc = ?`},
		{&w.putSig, `INSERT INTO minhash (doc, sig) VALUES (?, ?)`},
		{&w.delSig, `DELETE FROM minhash WHERE doc = ?`},
		{&w.insLSH, `INSERT INTO lsh (hash, doc, band) VALUES ` + strings.Repeat(",(?,?,?)", lshChunk)[1:]},
		{&w.insLSH1, `INSERT INTO lsh (hash, doc, band) VALUES (?, ?, ?)`},
		{&w.delLSH, `DELETE FROM lsh WHERE doc = ? AND hash IN (` + strings.Repeat(",?", dedup.NumBands)[1:] + `)`},
		{&w.selLSH, `SELECT doc FROM lsh WHERE hash IN (` + strings.Repeat(",?", dedup.NumBands)[1:] + `) LIMIT ` + fmt.Sprint(maxCandidates)},
		{&w.selDocN, `SELECT id, COALESCE(dupe_group, '') FROM documents WHERE n = ?`},
		{&w.setGroupN, `UPDATE documents SET dupe_group = ? WHERE n = ?`},
		{&w.moveGroup, `UPDATE documents SET dupe_group = ? WHERE dupe_group = ?`},
		{&w.memb, `SELECT n, id FROM documents WHERE dupe_group = ?`},
		{&w.delDoc, `DELETE FROM documents WHERE n = ?`},
		{&w.insMention, `INSERT INTO mentions (doc_n, kind, start, end, text, key, entry, framing, lat, lon, precision) VALUES (?,?,?,?,?,?,?,?,?,?,?)`},
		{&w.delMentions, `DELETE FROM mentions WHERE doc_n = ?`},
		{&w.insEvent, `INSERT INTO events (doc_n, type, subtype, actor1, actor2, place, place_id, admin1, lat, lon, geo_precision, date, time_precision, killed, record) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`},
		{&w.delEvents, `DELETE FROM events WHERE doc_n = ?`},
	}
	for _, p := range prep {
		st, err := tx.PrepareContext(ctx, p.sql)
		if err != nil {
			w.close()
			return nil, fmt.Errorf("store: preparing %q: %w", p.sql, err)
		}
		*p.dst = st
		w.stmts = append(w.stmts, st)
	}
	return w, nil
}

func (w *writer) close() {
	for _, st := range w.stmts {
		st.Close()
	}
}

func removedJSON(r json.RawMessage) string {
	if len(r) == 0 {
		return "[]"
	}
	return string(r)
}

func (w *writer) put(d *Doc, now string) (PutResult, error) {
	ctx := w.ctx
	res := PutResult{ID: d.ID}
	var other string
	switch err := w.byHash.QueryRowContext(ctx, d.RawHash).Scan(&other); {
	case err == nil:
		if other == d.ID {
			res.Status = Unchanged
		} else {
			res.Status, res.DuplicateOf = Duplicate, other
		}
		return res, nil
	case !errors.Is(err, sql.ErrNoRows):
		return res, err
	}

	var n int64
	var oldGroup string
	switch err := w.byID.QueryRowContext(ctx, d.ID).Scan(&n, &oldGroup); {
	case err == nil:
		res.Status = Updated
		if err := w.unindex(n); err != nil {
			return res, err
		}
		if _, err := w.updDoc.ExecContext(ctx, d.RawHash, d.Source, d.Origin, d.URL, d.Outlet, d.Title, d.Author,
			d.Published, d.Dateline, d.Encoding, now, removedJSON(d.Removed), d.CleanText, d.NormText, n); err != nil {
			return res, err
		}
		if oldGroup != "" {
			if err := w.regroup(oldGroup); err != nil {
				return res, err
			}
		}
	case errors.Is(err, sql.ErrNoRows):
		res.Status = Inserted
		r, err := w.insDoc.ExecContext(ctx, d.ID, d.RawHash, d.Source, d.Origin, d.URL, d.Outlet, d.Title, d.Author,
			d.Published, d.Dateline, d.Encoding, now, removedJSON(d.Removed), d.CleanText, d.NormText)
		if err != nil {
			return res, err
		}
		if n, err = r.LastInsertId(); err != nil {
			return res, err
		}
	default:
		return res, err
	}

	if err := w.replaceFindings(n, d, res.Status == Updated); err != nil {
		return res, err
	}
	if err := w.queueIndex(n, d); err != nil {
		return res, err
	}
	if d.Signature != nil {
		g, err := w.addNearDup(n, d.ID, d.Signature)
		if err != nil {
			return res, fmt.Errorf("near-duplicate detection: %w", err)
		}
		res.DupeGroup = g
	}
	return res, nil
}

// unindex removes document n's full-text row, signature and band rows.
func (w *writer) unindex(n int64) error {
	ctx := w.ctx
	if err := w.queueUnindex(n); err != nil {
		return err
	}
	var blob []byte
	switch err := w.selSig.QueryRowContext(ctx, n).Scan(&blob); {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return err
	}
	if _, pending := w.pendingBands[n]; pending {
		w.dropPendingBands(n)
	} else if sig, err := decodeSig(blob); err == nil {
		if _, err := w.delLSH.ExecContext(ctx, append([]any{n}, hashArgs(dedup.Bands(sig))...)...); err != nil {
			return err
		}
	}
	_, err := w.delSig.ExecContext(ctx, n)
	return err
}

func encodeSig(sig []uint64) []byte {
	b := make([]byte, 0, 8*len(sig))
	for _, v := range sig {
		b = binary.LittleEndian.AppendUint64(b, v)
	}
	return b
}

func decodeSig(b []byte) ([]uint64, error) {
	if len(b) != 8*dedup.NumHashes {
		return nil, fmt.Errorf("stored signature has %d bytes, want %d", len(b), 8*dedup.NumHashes)
	}
	sig := make([]uint64, dedup.NumHashes)
	for i := range sig {
		sig[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return sig, nil
}

// Delete removes the documents with the given ids (ids not stored are
// ignored) and reports how many it removed. Near-duplicate groups the
// documents belonged to are recomputed.
func (s *Store) Delete(ctx context.Context, ids ...string) (int, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("store: starting write transaction: %w", err)
	}
	defer tx.Rollback()
	w, err := newWriter(ctx, tx)
	if err != nil {
		return 0, err
	}
	defer w.close()
	removed := 0
	for _, id := range ids {
		var n int64
		var group string
		switch err := w.byID.QueryRowContext(ctx, id).Scan(&n, &group); {
		case errors.Is(err, sql.ErrNoRows):
			continue
		case err != nil:
			return 0, fmt.Errorf("store: deleting %q: %w", id, err)
		}
		if err := w.unindex(n); err != nil {
			return 0, fmt.Errorf("store: deleting %q: %w", id, err)
		}
		if _, err := w.delDoc.ExecContext(ctx, n); err != nil {
			return 0, fmt.Errorf("store: deleting %q: %w", id, err)
		}
		if group != "" {
			if err := w.regroup(group); err != nil {
				return 0, fmt.Errorf("store: deleting %q: %w", id, err)
			}
		}
		removed++
	}
	if err := w.flush(); err != nil {
		return 0, err
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("store: committing deletion: %w", err)
	}
	return removed, nil
}

// Count returns the number of stored documents.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM documents").Scan(&n); err != nil {
		return 0, fmt.Errorf("store: counting documents: %w", err)
	}
	return n, nil
}

const selCols = `id, raw_hash, source, origin, url, outlet, title, author, published, dateline, encoding, COALESCE(dupe_group, ''), ingested_at, removed`

func scanDoc(sc interface{ Scan(...any) error }, d *Doc, withText bool) error {
	var removed string
	dst := []any{&d.ID, &d.RawHash, &d.Source, &d.Origin, &d.URL, &d.Outlet, &d.Title, &d.Author,
		&d.Published, &d.Dateline, &d.Encoding, &d.DupeGroup, &d.IngestedAt, &removed}
	if withText {
		dst = append(dst, &d.CleanText, &d.NormText)
	}
	if err := sc.Scan(dst...); err != nil {
		return err
	}
	d.Removed = json.RawMessage(removed)
	return nil
}

// Doc returns the document with the given id, texts included. The error
// wraps ErrNotFound when there is none.
func (s *Store) Doc(ctx context.Context, id string) (Doc, error) {
	var d Doc
	row := s.db.QueryRowContext(ctx, `SELECT `+selCols+`, clean_text, norm_text FROM documents WHERE id = ?`, id)
	if err := scanDoc(row, &d, true); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return Doc{}, fmt.Errorf("store: document %q: %w", id, ErrNotFound)
		}
		return Doc{}, fmt.Errorf("store: reading document %q: %w", id, err)
	}
	return d, nil
}

// DocFilter selects documents for Docs and EachDoc. Zero fields select
// everything.
type DocFilter struct {
	Outlet    string // exact outlet name
	From, To  string // inclusive bounds on published: YYYY, YYYY-MM or YYYY-MM-DD
	DupeGroup string // members of this near-duplicate group
	WithText  bool   // also read CleanText and NormText
	Limit     int    // 0: no limit
	Offset    int
}

// checkDate accepts "", YYYY, YYYY-MM and YYYY-MM-DD.
func checkDate(what, s string) error {
	if s == "" {
		return nil
	}
	ok := len(s) == 4 || len(s) == 7 || len(s) == 10
	for i := 0; ok && i < len(s); i++ {
		c := s[i]
		if i == 4 || i == 7 {
			ok = c == '-'
		} else {
			ok = c >= '0' && c <= '9'
		}
	}
	if !ok {
		return fmt.Errorf("store: invalid %s date %q: want YYYY-MM-DD (or YYYY-MM, YYYY)", what, s)
	}
	return nil
}

// dateBounds turns inclusive From/To prefixes into conditions on published:
// published >= From and published < To+"~" ('~' sorts after every
// character of an ISO date), so To "2015-07" includes the whole month and
// To "2015-07-21" includes "2015-07-21T23:00:00". Documents without a
// date are excluded by any bound.
func dateBounds(from, to string, col string, where *[]string, args *[]any) error {
	if err := checkDate("from", from); err != nil {
		return err
	}
	if err := checkDate("to", to); err != nil {
		return err
	}
	if from != "" && to != "" && to < from && !strings.HasPrefix(from, to) {
		return fmt.Errorf("store: date range is empty: from %s is after to %s", from, to)
	}
	if from == "" && to != "" {
		from = "0" // excludes undated documents ("")
	}
	if from != "" {
		*where = append(*where, col+" >= ?")
		*args = append(*args, from)
	}
	if to != "" {
		*where = append(*where, col+" < ?")
		*args = append(*args, to+"~")
	}
	return nil
}

func (f *DocFilter) sql() (string, []any, error) {
	var where []string
	var args []any
	if f.Outlet != "" {
		where = append(where, "outlet = ?")
		args = append(args, f.Outlet)
	}
	if err := dateBounds(f.From, f.To, "published", &where, &args); err != nil {
		return "", nil, err
	}
	if f.DupeGroup != "" {
		where = append(where, "dupe_group = ?")
		args = append(args, f.DupeGroup)
	}
	if f.Limit < 0 || f.Offset < 0 {
		return "", nil, fmt.Errorf("store: negative limit (%d) or offset (%d)", f.Limit, f.Offset)
	}
	cols := selCols
	if f.WithText {
		cols += ", clean_text, norm_text"
	}
	q := "SELECT " + cols + " FROM documents"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY n"
	if f.Limit > 0 || f.Offset > 0 {
		lim := f.Limit
		if lim == 0 {
			lim = -1
		}
		q += " LIMIT ? OFFSET ?"
		args = append(args, lim, f.Offset)
	}
	return q, args, nil
}

// EachDoc calls fn for every document f selects, in ingest order, without
// holding them all in memory. fn must not keep d (it is reused); an error
// from fn stops the iteration and is returned.
func (s *Store) EachDoc(ctx context.Context, f DocFilter, fn func(d *Doc) error) error {
	q, args, err := f.sql()
	if err != nil {
		return err
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("store: listing documents: %w", err)
	}
	defer rows.Close()
	var d Doc
	for rows.Next() {
		d = Doc{}
		if err := scanDoc(rows, &d, f.WithText); err != nil {
			return fmt.Errorf("store: listing documents: %w", err)
		}
		if err := fn(&d); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: listing documents: %w", err)
	}
	return nil
}

// Docs returns the documents f selects, in ingest order.
func (s *Store) Docs(ctx context.Context, f DocFilter) ([]Doc, error) {
	var out []Doc
	err := s.EachDoc(ctx, f, func(d *Doc) error {
		out = append(out, *d)
		return nil
	})
	return out, err
}
