package store

import (
	"cmp"
	"database/sql"
	"errors"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"time"
)

// The full-text index (table documents_fts) has three columns:
//
//   - lead: the first leadKeys search keys of Doc.IndexText (the title and
//     the opening of the text, which the caller puts first);
//   - body: the keys from leadKeys-leadOverlap on, so a phrase of up to
//     leadOverlap+1 words across the boundary is still found in one column;
//   - meta: filter tokens: the outlet ("o" + hash) and the publication
//     date ("d20171029", "m201710", "y2017").
//
// Ranking is BM25 with weight 3 on lead, 1 on body and 0 on meta, without
// document length normalization: the table is created with columnsize=0, so
// bm25() does not look up a stored length for every matching row (which
// would cost about a microsecond per match: ~30 ms for a word in every
// document of a 30,000-document store). The lead weight stands in for the
// normalization: a report about a subject names it in its title and first
// lines, a long article that mentions it in passing does not outrank it.
//
// Without stored lengths bm25() takes every column's length as -1, so all
// documents get the same length term 1 - b + b*(-3)/avgdl (b = 0.75): the
// ranking is by weighted term frequency, as intended, as long as that term
// is positive, i.e. the average row has more than 9 tokens. metaPad
// guarantees it for any corpus, even of one-word documents.
//
// Filters are index terms too (meta : "o..."), so a filtered search never
// reads the documents table for each match.
//
// The table is contentless without contentless_delete (which SQLite does
// not allow with columnsize=0): a row is deleted by giving back the values
// it was inserted with, which documents_fts_rows keeps.

const (
	leadKeys    = 60
	leadOverlap = 4
	// rankExpr is the ranking of Search (lower is better).
	rankExpr = "bm25(documents_fts, 3.0, 1.0, 0.0)"
	// metaPad opens every meta column: 10 tokens (see above).
	metaPad = "zz zz zz zz zz zz zz zz zz zz"
)

type ftsRow struct {
	n                int64
	lead, body, meta string
}

// ftsValues splits index text into the lead and body columns (substrings
// of it, no copy) and builds the meta column of d.
func ftsValues(n int64, d *Doc) ftsRow {
	r := ftsRow{n: n, meta: metaTokens(d.Outlet, d.Published)}
	text := strings.TrimSpace(d.IndexText)
	// Start offsets of key number leadKeys-leadOverlap and leadKeys.
	bodyStart, leadEnd := -1, -1
	keys := 0
	for i := 0; i < len(text); i++ {
		if isSpace(text[i]) || (i > 0 && !isSpace(text[i-1])) {
			continue
		}
		// a key starts at i
		if keys == leadKeys-leadOverlap {
			bodyStart = i
		}
		if keys == leadKeys {
			leadEnd = i
			break
		}
		keys++
	}
	if leadEnd < 0 {
		r.lead = text
		return r
	}
	r.lead = strings.TrimSpace(text[:leadEnd])
	r.body = text[bodyStart:]
	return r
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
}

func outletToken(outlet string) string {
	h := fnv.New64a()
	h.Write([]byte(outlet))
	return fmt.Sprintf("o%016x", h.Sum64())
}

// metaTokens returns the filter tokens of a document.
func metaTokens(outlet, published string) string {
	toks := []string{metaPad}
	if outlet != "" {
		toks = append(toks, outletToken(outlet))
	}
	p := published
	switch {
	case len(p) >= 10 && checkDate("", p[:10]) == nil && (len(p) == 10 || p[10] == 'T' || p[10] == ' '):
		toks = append(toks, "d"+p[0:4]+p[5:7]+p[8:10], "m"+p[0:4]+p[5:7], "y"+p[0:4])
	case len(p) == 7 && checkDate("", p) == nil:
		toks = append(toks, "m"+p[0:4]+p[5:7], "y"+p[0:4])
	case len(p) == 4 && checkDate("", p) == nil:
		toks = append(toks, "y"+p)
	}
	return strings.Join(toks, " ")
}

// parseBound turns a validated YYYY, YYYY-MM or YYYY-MM-DD into the first
// (or, with end, the last) day it covers.
func parseBound(what, s string, end bool) (time.Time, error) {
	var t time.Time
	var err error
	switch len(s) {
	case 4:
		t, err = time.Parse("2006", s)
		if end {
			t = t.AddDate(1, 0, -1)
		}
	case 7:
		t, err = time.Parse("2006-01", s)
		if end {
			t = t.AddDate(0, 1, -1)
		}
	default:
		t, err = time.Parse("2006-01-02", s)
	}
	if err != nil {
		return t, fmt.Errorf("store: invalid %s date %q: no such day", what, s)
	}
	return t, nil
}

// dateTokens returns the fewest year, month and day tokens that cover the
// days from..to (inclusive).
func dateTokens(from, to time.Time) []string {
	var toks []string
	for d := from; !d.After(to); {
		switch {
		case d.YearDay() == 1 && !d.AddDate(1, 0, -1).After(to):
			toks = append(toks, d.Format("y2006"))
			d = d.AddDate(1, 0, 0)
		case d.Day() == 1 && !d.AddDate(0, 1, -1).After(to):
			toks = append(toks, d.Format("m200601"))
			d = d.AddDate(0, 1, 0)
		default:
			toks = append(toks, d.Format("d20060102"))
			d = d.AddDate(0, 0, 1)
		}
	}
	return toks
}

// queueIndex schedules the insertion of document n's index row (applied
// by flush) and records its values in documents_fts_rows.
func (w *writer) queueIndex(n int64, d *Doc) error {
	r := ftsValues(n, d)
	if _, err := w.putRow.ExecContext(w.ctx, n, r.lead, r.body, r.meta); err != nil {
		return fmt.Errorf("recording index row: %w", err)
	}
	w.pendingIdx[n] = len(w.index)
	w.index = append(w.index, r)
	return nil
}

// queueUnindex schedules the deletion of document n's index row: a row
// inserted earlier in this transaction is just not inserted; a committed
// one is deleted by flush with the values it was inserted with.
func (w *writer) queueUnindex(n int64) error {
	if i, ok := w.pendingIdx[n]; ok {
		w.index[i].n = -1 // skipped by flush
		delete(w.pendingIdx, n)
	} else {
		var r ftsRow
		err := w.selRow.QueryRowContext(w.ctx, n).Scan(&r.lead, &r.body, &r.meta)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return nil
		case err != nil:
			return fmt.Errorf("reading index row: %w", err)
		}
		r.n = n
		w.unindexFTS = append(w.unindexFTS, r)
	}
	_, err := w.delRow.ExecContext(w.ctx, n)
	return err
}

// flushFTS applies the queued index changes: deletions, then insertions in
// rowid order.
func (w *writer) flushFTS() error {
	for _, r := range w.unindexFTS {
		if _, err := w.delFTS.ExecContext(w.ctx, r.n, r.lead, r.body, r.meta); err != nil {
			return fmt.Errorf("store: removing index entry of document %d: %w", r.n, err)
		}
	}
	slices.SortFunc(w.index, func(a, b ftsRow) int { return cmp.Compare(a.n, b.n) })
	for _, r := range w.index {
		if r.n < 0 {
			continue
		}
		if _, err := w.insFTS.ExecContext(w.ctx, r.n, r.lead, r.body, r.meta); err != nil {
			return fmt.Errorf("store: indexing document %d: %w", r.n, err)
		}
	}
	w.unindexFTS, w.index = w.unindexFTS[:0], w.index[:0]
	clear(w.pendingIdx)
	return nil
}
