package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"rasad/internal/dedup"
)

var ctx = context.Background()

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "deep", "er", "x?y#z.db") // URI-special characters
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := s.SchemaVersion(ctx); err != nil || v < 1 {
		t.Fatalf("SchemaVersion = %d, %v", v, err)
	}
	put(t, s, mkDoc("a", "t", "o", "2015-01-02", "نص"))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database file not at %s: %v", path, err)
	}
	// Reopening migrates nothing and keeps the data.
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, _ := s.Count(ctx); n != 1 {
		t.Errorf("Count after reopen = %d", n)
	}
	var mode string
	s.db.QueryRow("PRAGMA journal_mode").Scan(&mode)
	if mode != "wal" {
		t.Errorf("journal_mode = %q", mode)
	}
	var fk int
	s.db.QueryRow("PRAGMA foreign_keys").Scan(&fk)
	if fk != 1 {
		t.Errorf("foreign_keys = %d", fk)
	}
}

func TestOpenErrors(t *testing.T) {
	if _, err := Open(""); err == nil {
		t.Error("empty path accepted")
	}
	dir := t.TempDir()
	if _, err := Open(dir); err == nil || !strings.Contains(err.Error(), "directory") {
		t.Errorf("directory path: %v", err)
	}
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, []byte(strings.Repeat("not a database ", 100)), 0o644)
	if _, err := Open(junk); err == nil {
		t.Error("junk file accepted")
	}
}

func TestDefaultPath(t *testing.T) {
	t.Setenv("RASAD_DB", "/x/y.db")
	if p, _ := DefaultPath(); p != "/x/y.db" {
		t.Errorf("RASAD_DB: %s", p)
	}
	t.Setenv("RASAD_DB", "")
	t.Setenv("XDG_DATA_HOME", "/data")
	if p, _ := DefaultPath(); p != "/data/rasad/rasad.db" {
		t.Errorf("XDG_DATA_HOME: %s", p)
	}
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "/home/u")
	if p, _ := DefaultPath(); p != "/home/u/.local/share/rasad/rasad.db" {
		t.Errorf("HOME: %s", p)
	}
}

func TestMeta(t *testing.T) {
	s := openTemp(t)
	if _, ok, err := s.Meta(ctx, "k"); ok || err != nil {
		t.Fatalf("absent key: %v %v", ok, err)
	}
	s.SetMeta(ctx, "k", "1")
	s.SetMeta(ctx, "k", "2")
	if v, ok, _ := s.Meta(ctx, "k"); !ok || v != "2" {
		t.Errorf("Meta = %q %v", v, ok)
	}
}

func TestPutBatchStatuses(t *testing.T) {
	s := openTemp(t)
	a := mkDoc("a", "عنوان", "sohr", "2017-10-29", "قصف على المدينة")
	a.Removed = json.RawMessage(`[{"start":0,"end":4,"why":"nav"}]`)
	a.URL, a.Author, a.Source, a.Origin, a.Dateline, a.Encoding = "http://x/1", "كاتب", "in.zip", "in.zip!a", "دمشق", "utf-8"
	a2 := a
	a2.ID = "a-copy"
	b := mkDoc("b", "t", "", "", "نص آخر")
	aNew := mkDoc("a", "عنوان جديد", "sohr", "2017-10-30", "نص معدل تماما")

	steps := []struct {
		name string
		docs []Doc
		want []PutResult
	}{
		{"insert", []Doc{a, b}, []PutResult{{ID: "a", Status: Inserted}, {ID: "b", Status: Inserted}}},
		{"again", []Doc{a, b}, []PutResult{{ID: "a", Status: Unchanged}, {ID: "b", Status: Unchanged}}},
		{"same content other id", []Doc{a2}, []PutResult{{ID: "a-copy", Status: Duplicate, DuplicateOf: "a"}}},
		{"replace", []Doc{aNew}, []PutResult{{ID: "a", Status: Updated}}},
		{"within one batch", []Doc{a, a, a2}, []PutResult{
			{ID: "a", Status: Updated}, {ID: "a", Status: Unchanged}, {ID: "a-copy", Status: Duplicate, DuplicateOf: "a"}}},
	}
	for _, st := range steps {
		got := put(t, s, st.docs...)
		if !slices.Equal(got, st.want) {
			t.Errorf("%s: %+v, want %+v", st.name, got, st.want)
		}
	}
	if n, _ := s.Count(ctx); n != 2 {
		t.Errorf("Count = %d, want 2", n)
	}
	got, err := s.Doc(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != a.Title || got.CleanText != a.CleanText || got.URL != a.URL || got.Author != a.Author ||
		got.Source != a.Source || got.Origin != a.Origin || got.Dateline != a.Dateline || got.Encoding != a.Encoding ||
		got.Published != a.Published || got.RawHash != a.RawHash || string(got.Removed) != string(a.Removed) || got.IngestedAt == "" {
		t.Errorf("Doc(a) = %+v", got)
	}
	if got, _ := s.Doc(ctx, "b"); string(got.Removed) != "[]" {
		t.Errorf("default removed = %q", got.Removed)
	}
	if _, err := s.Doc(ctx, "zz"); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), `"zz"`) {
		t.Errorf("missing doc: %v", err)
	}
	// The replaced text is no longer searchable, the new one is.
	if _, n, _ := s.Search(ctx, Query{Match: `"معدل"`}); n != 0 {
		t.Errorf("old text still indexed: %d", n)
	}
	if _, n, _ := s.Search(ctx, Query{Match: `"قصف"`}); n != 1 {
		t.Errorf("new text not indexed: %d", n)
	}
	checkIndexRows(t, s)
	if b, _ := json.Marshal(PutResult{ID: "x", Status: Duplicate}); string(b) != `{"id":"x","status":"duplicate"}` {
		t.Errorf("PutResult JSON %s", b)
	}
}

func TestPutBatchValidation(t *testing.T) {
	s := openTemp(t)
	good := mkDoc("ok", "t", "", "", "x")
	tests := []struct {
		name string
		mod  func(*Doc)
		want string
	}{
		{"empty id", func(d *Doc) { d.ID = "" }, "empty id"},
		{"bad utf8 id", func(d *Doc) { d.ID = "\xff" }, "UTF-8"},
		{"empty hash", func(d *Doc) { d.RawHash = "" }, "empty raw hash"},
		{"short signature", func(d *Doc) { d.Signature = make([]uint64, 3) }, "signature has 3 values"},
		{"bad removed", func(d *Doc) { d.Removed = json.RawMessage("[{") }, "not valid JSON"},
	}
	for _, tc := range tests {
		bad := mkDoc("bad", "t", "", "", "y")
		tc.mod(&bad)
		_, err := s.PutBatch(ctx, []Doc{good, bad})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
	if n, _ := s.Count(ctx); n != 0 {
		t.Errorf("a rejected batch stored %d documents", n)
	}
	if res, err := s.PutBatch(ctx, nil); err != nil || len(res) != 0 {
		t.Errorf("empty batch: %v %v", res, err)
	}
}

func TestPutBatchCanceled(t *testing.T) {
	s := openTemp(t)
	c, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.PutBatch(c, []Doc{mkDoc("a", "t", "", "", "x")}); err == nil {
		t.Error("canceled context accepted")
	}
	if n, _ := s.Count(ctx); n != 0 {
		t.Errorf("Count = %d", n)
	}
}

func TestDocsAndDelete(t *testing.T) {
	s := openTemp(t)
	put(t, s,
		mkDoc("d1", "t1", "A", "2015-07-21T10:00:00", "x"),
		mkDoc("d2", "t2", "B", "2015-07-22", "y"),
		mkDoc("d3", "t3", "A", "2015-08-01", "z"),
		mkDoc("d4", "t4", "A", "", "w"),
	)
	ids := func(f DocFilter) string {
		t.Helper()
		ds, err := s.Docs(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, d := range ds {
			out = append(out, d.ID)
			if !f.WithText && d.CleanText != "" {
				t.Errorf("text read without WithText")
			}
		}
		return strings.Join(out, ",")
	}
	tests := []struct {
		f    DocFilter
		want string
	}{
		{DocFilter{}, "d1,d2,d3,d4"},
		{DocFilter{Outlet: "A"}, "d1,d3,d4"},
		{DocFilter{From: "2015-07-22"}, "d2,d3"},
		{DocFilter{To: "2015-07-21"}, "d1"},
		{DocFilter{From: "2015-07", To: "2015-07"}, "d1,d2"},
		{DocFilter{Outlet: "A", To: "2015"}, "d1,d3"},
		{DocFilter{Limit: 2, Offset: 1}, "d2,d3"},
		{DocFilter{Offset: 3}, "d4"},
		{DocFilter{WithText: true, Limit: 1}, "d1"},
	}
	for _, tc := range tests {
		if got := ids(tc.f); got != tc.want {
			t.Errorf("%+v: %s, want %s", tc.f, got, tc.want)
		}
	}
	for _, f := range []DocFilter{{From: "21-07-2015"}, {To: "2015/07"}, {From: "2015-08", To: "2015-07-30"}, {Limit: -1}} {
		if _, err := s.Docs(ctx, f); err == nil {
			t.Errorf("%+v accepted", f)
		}
	}
	stop := errors.New("stop")
	n := 0
	err := s.EachDoc(ctx, DocFilter{}, func(*Doc) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("EachDoc stop: %v after %d", err, n)
	}

	if got, err := s.Delete(ctx, "d2", "nope", "d3"); err != nil || got != 2 {
		t.Fatalf("Delete = %d, %v", got, err)
	}
	if got := ids(DocFilter{}); got != "d1,d4" {
		t.Errorf("after delete: %s", got)
	}
	if _, n, _ := s.Search(ctx, Query{Match: "y OR z"}); n != 0 {
		t.Errorf("deleted docs still found: %d", n)
	}
	// The deleted content can be stored again.
	if r := put(t, s, mkDoc("d2", "t2", "B", "2015-07-22", "y")); r[0].Status != Inserted {
		t.Errorf("re-insert: %v", r[0].Status)
	}
	checkIndexRows(t, s)
}

func TestSearch(t *testing.T) {
	s := openTemp(t)
	put(t, s,
		mkDoc("one", "", "sohr", "2017-01-10", "قصف مدني"),
		mkDoc("many", "", "sohr", "2017-02-10", "قصف قصف قصف مدني مدني"),
		mkDoc("other", "", "jazeera", "2017-03-10", "قصف سوق"),
		mkDoc("none", "", "jazeera", "2017-03-11", "مفاوضات"),
	)
	tests := []struct {
		q     Query
		want  string
		total int
	}{
		{Query{Match: `"قصف"`}, "many,one,other", 3},
		{Query{Match: `"قصف" AND "مدني"`}, "many,one", 2},
		{Query{Match: `"قصف"`, Outlet: "jazeera"}, "other", 1},
		{Query{Match: `"قصف"`, From: "2017-02"}, "many,other", 2},
		{Query{Match: `"قصف"`, To: "2017-02-10"}, "many,one", 2},
		{Query{Match: `"قصف"`, Limit: 1}, "many", 3},
		{Query{Match: `"قصف"`, Limit: 1, Offset: 1}, "one", 3},
		{Query{Match: `"قصف"`, Offset: 5}, "", 3},
		{Query{Match: `"غائب"`}, "", 0},
	}
	for _, tc := range tests {
		hits, total, err := s.Search(ctx, tc.q)
		if err != nil {
			t.Fatalf("%+v: %v", tc.q, err)
		}
		var ids []string
		for i, h := range hits {
			ids = append(ids, h.ID)
			if h.CleanText == "" || h.Outlet == "" || h.Published == "" {
				t.Errorf("hit fields missing: %+v", h)
			}
			if i > 0 && h.Score > hits[i-1].Score {
				t.Errorf("%+v: scores not descending", tc.q)
			}
		}
		if got := strings.Join(ids, ","); got != tc.want || total != tc.total {
			t.Errorf("%+v: %s (%d), want %s (%d)", tc.q, got, total, tc.want, tc.total)
		}
	}
	for _, q := range []Query{{Match: `"قصف`}, {Match: "AND"}, {Match: "("}, {Match: "x:y"}, {Match: `x) OR meta : ("zz"`}} {
		if _, _, err := s.Search(ctx, q); !errors.Is(err, ErrBadQuery) {
			t.Errorf("%q: %v, want ErrBadQuery", q.Match, err)
		}
	}
	for _, q := range []Query{{Match: ""}, {Match: "x", From: "bad"}, {Match: "x", Limit: -1}} {
		if _, _, err := s.Search(ctx, q); err == nil {
			t.Errorf("%+v accepted", q)
		}
	}
}

func FuzzSearch(f *testing.F) {
	s := openTemp(f)
	put(f, s, mkDoc("a", "t", "o", "2015-01-01", "قصف مدني w1 w2"))
	f.Add(`"قصف"`, "", "")
	f.Add(`قصف OR (w1 NOT w2)`, "2015", "2015-01")
	f.Add(`NEAR("a" "b", 2)`, "2015-01-01", "")
	f.Add(`keys:w1*`, "", "2016")
	f.Add("\x00\"", "x", "y")
	f.Fuzz(func(t *testing.T, match, from, to string) {
		hits, total, err := s.Search(ctx, Query{Match: match, From: from, To: to})
		if err == nil && len(hits) > total {
			t.Fatalf("%d hits of %d", len(hits), total)
		}
	})
}

// TestNearDuplicateGroups checks grouping: pairs found through LSH, groups
// named by their smallest id whatever the ingest order, bridges merging
// groups, and updates splitting them.
func TestNearDuplicateGroups(t *testing.T) {
	base := words(1, 300)
	A := joinKeys(base[0:200])
	B := joinKeys(base[20:220])                               // ~0.8 with A and with C
	C := joinKeys(base[40:240])                               // ~0.66 with A: not a pair
	Z := joinKeys(words(2, 200))                              // unrelated
	Zh := "header words here " + Z + " footer words end here" // Z republished
	sim := func(x, y string) float64 {
		return dedup.Similarity(dedup.SignatureText(x), dedup.SignatureText(y))
	}
	if sim(A, B) < dedup.Threshold || sim(B, C) < dedup.Threshold || sim(A, C) >= dedup.Threshold || sim(Z, Zh) < dedup.Threshold {
		t.Fatalf("fixture similarities: AB %.2f BC %.2f AC %.2f ZZh %.2f", sim(A, B), sim(B, C), sim(A, C), sim(Z, Zh))
	}
	docs := map[string]string{"m-a": A, "k-b": B, "x-c": C, "z": Z, "b-zh": Zh, "short": "too short to count"}
	want := map[string]string{"m-a": "k-b", "k-b": "k-b", "x-c": "k-b", "z": "b-zh", "b-zh": "b-zh", "short": ""}

	orders := [][]string{
		{"m-a", "k-b", "x-c", "z", "b-zh", "short"},
		{"x-c", "m-a", "short", "b-zh", "z", "k-b"}, // k-b bridges two singletons last
		{"k-b", "z", "x-c", "b-zh", "m-a", "short"},
	}
	for oi, order := range orders {
		s := openTemp(t)
		for _, id := range order { // one document per batch
			put(t, s, mkDoc(id, "", "", "", docs[id]))
		}
		got := groupsOf(t, s)
		for id, g := range want {
			if got[id] != g {
				t.Errorf("order %d: %s in group %q, want %q", oi, id, got[id], g)
			}
		}
		// The same in one batch.
		s2 := openTemp(t)
		var batch []Doc
		for _, id := range order {
			batch = append(batch, mkDoc(id, "", "", "", docs[id]))
		}
		res := put(t, s2, batch...)
		got2 := groupsOf(t, s2)
		if len(got2) != len(got) {
			t.Errorf("order %d: one batch %v, one per batch %v", oi, got2, got)
		}
		for id, g := range got {
			if got2[id] != g {
				t.Errorf("order %d: one batch %v, one per batch %v", oi, got2, got)
				break
			}
		}
		if last := res[len(res)-1]; last.Status != Inserted {
			t.Errorf("status %v", last.Status)
		}
	}

	// Replacing the bridge with unrelated text splits its group: A and C
	// are not near-duplicates of each other.
	s := openTemp(t)
	for _, id := range orders[0] {
		put(t, s, mkDoc(id, "", "", "", docs[id]))
	}
	r := put(t, s, mkDoc("k-b", "", "", "", joinKeys(words(3, 200))))
	if r[0].Status != Updated || r[0].DupeGroup != "" {
		t.Errorf("update: %+v", r[0])
	}
	got := groupsOf(t, s)
	if got["m-a"] != "" || got["x-c"] != "" || got["k-b"] != "" || got["z"] != "b-zh" {
		t.Errorf("after splitting: %v", got)
	}
	// Deleting a member of a pair leaves the other alone.
	s.Delete(ctx, "b-zh")
	if got := groupsOf(t, s); got["z"] != "" {
		t.Errorf("after delete: %v", got)
	}

	gs, err := s.DupeGroups(ctx)
	if err != nil || len(gs) != 0 {
		t.Errorf("DupeGroups = %v, %v", gs, err)
	}
	put(t, s, mkDoc("k-b", "", "", "", B))
	gs, err = s.DupeGroups(ctx)
	if err != nil || len(gs) != 1 || gs[0].ID != "k-b" || len(gs[0].Members) != 3 || gs[0].Members[0].ID != "k-b" ||
		gs[0].Members[0].Similarity != 1 || gs[0].MinSimilarity < dedup.Threshold {
		t.Errorf("DupeGroups = %+v, %v", gs, err)
	}
}

func groupsOf(t *testing.T, s *Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := s.EachDoc(ctx, DocFilter{}, func(d *Doc) error {
		out[d.ID] = d.DupeGroup
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestInsertThenReplaceInOneBatch(t *testing.T) {
	s := openTemp(t)
	v1 := mkDoc("a", "", "", "", "نسخة اولى")
	v2 := mkDoc("a", "", "", "", "نسخة ثانية")
	v3 := mkDoc("a", "", "", "", "نسخة ثالثة")
	res := put(t, s, v1, v2)
	if res[0].Status != Inserted || res[1].Status != Updated {
		t.Fatalf("%+v", res)
	}
	res = put(t, s, v3, v1) // replace a committed row twice in one batch
	if res[0].Status != Updated || res[1].Status != Updated {
		t.Fatalf("%+v", res)
	}
	for word, want := range map[string]int{"اولى": 1, "ثانية": 0, "ثالثة": 0, "نسخة": 1} {
		if _, n, err := s.Search(ctx, Query{Match: `"` + word + `"`}); err != nil || n != want {
			t.Errorf("%s: %d (%v), want %d", word, n, err, want)
		}
	}
	checkIndexRows(t, s)
}

// checkIndexRows verifies the full-text index against documents_fts_rows
// with FTS5's own integrity check.
func checkIndexRows(t *testing.T, s *Store) {
	t.Helper()
	if _, err := s.db.Exec(`INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 0)`); err != nil {
		t.Errorf("integrity-check: %v", err)
	}
	var rows, docs int
	s.db.QueryRow(`SELECT count(*) FROM documents_fts_rows`).Scan(&rows)
	s.db.QueryRow(`SELECT count(*) FROM documents`).Scan(&docs)
	if rows != docs {
		t.Errorf("%d index rows for %d documents", rows, docs)
	}
}

func TestDateTokens(t *testing.T) {
	tests := []struct{ from, to, want string }{
		{"2017-10-29", "2017-10-29", "d20171029"},
		{"2017-10-30", "2017-11-02", "d20171030 d20171031 d20171101 d20171102"},
		{"2017-10", "2017-12", "m201710 m201711 m201712"},
		{"2016-12-31", "2018-01", "d20161231 y2017 m201801"},
		{"2016", "2016", "y2016"},
		{"2016-02-28", "2016-03-01", "d20160228 d20160229 d20160301"},
	}
	for _, tc := range tests {
		a, err := parseBound("from", tc.from, false)
		if err != nil {
			t.Fatal(err)
		}
		b, err := parseBound("to", tc.to, true)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(dateTokens(a, b), " "); got != tc.want {
			t.Errorf("%s..%s: %s, want %s", tc.from, tc.to, got, tc.want)
		}
	}
	if _, err := parseBound("from", "2017-02-30", false); err == nil {
		t.Error("2017-02-30 accepted")
	}
	for p, want := range map[string]string{
		"2017-10-29":           "d20171029 m201710 y2017",
		"2017-10-29T08:00:00Z": "d20171029 m201710 y2017",
		"2017-10":              "m201710 y2017",
		"2017":                 "y2017",
		"29/10/2017":           "",
		"2017-10-29x":          "",
	} {
		if got := strings.TrimSpace(strings.TrimPrefix(metaTokens("", p), metaPad)); got != want {
			t.Errorf("metaTokens(%q) = %q, want %q", p, got, want)
		}
	}
}

func TestSearchFilters(t *testing.T) {
	s := openTemp(t)
	put(t, s,
		mkDoc("a", "", "المرصد", "2016-12-31", "قصف a"),
		mkDoc("b", "", "المرصد", "2017-01-01T10:00:00Z", "قصف b"),
		mkDoc("c", "", "سانا", "2017-06-15", "قصف c"),
		mkDoc("d", "", "", "", "قصف d"),
		mkDoc("e", "", "المرصد سانا", "2018-03", "قصف e"),
	)
	tests := []struct {
		q    Query
		want string
	}{
		{Query{}, "a b c d e"},
		{Query{Outlet: "المرصد"}, "a b"},
		{Query{Outlet: "سانا"}, "c"},
		{Query{Outlet: "غير موجود"}, ""},
		{Query{From: "2017"}, "b c e"},
		{Query{To: "2017-01-01"}, "a b"},
		{Query{From: "2017-01-02", To: "2018-02"}, "c"},
		{Query{From: "2018-03-01", To: "2018-03-31"}, "e"},
		{Query{From: "2018-03-02", To: "2018-03-31"}, ""},
		{Query{From: "2019"}, ""},
		{Query{To: "2015"}, ""},
		{Query{Outlet: "المرصد", From: "2017"}, "b"},
	}
	for _, tc := range tests {
		tc.q.Match = `"قصف"`
		hits, total, err := s.Search(ctx, tc.q)
		if err != nil {
			t.Fatalf("%+v: %v", tc.q, err)
		}
		var ids []string
		for _, h := range hits {
			ids = append(ids, h.ID)
		}
		slices.Sort(ids)
		if got := strings.Join(ids, " "); got != tc.want || total != len(ids) {
			t.Errorf("%+v: %q (total %d), want %q", tc.q, got, total, tc.want)
		}
	}
	if _, _, err := s.Search(ctx, Query{Match: "x", From: "2017-13"}); err == nil {
		t.Error("month 13 accepted")
	}
	if _, _, err := s.Search(ctx, Query{Match: "x", From: "2018", To: "2017"}); err == nil {
		t.Error("empty range accepted")
	}
}

func TestFTSValues(t *testing.T) {
	var ws []string
	for i := range 70 {
		ws = append(ws, fmt.Sprintf("k%d", i))
	}
	d := Doc{IndexText: "  " + strings.Join(ws, " \n ") + " "}
	r := ftsValues(1, &d)
	if got, want := strings.Fields(r.lead), ws[:leadKeys]; !slices.Equal(got, want) {
		t.Errorf("lead %q", r.lead)
	}
	if got, want := strings.Fields(r.body), ws[leadKeys-leadOverlap:]; !slices.Equal(got, want) {
		t.Errorf("body %q", r.body)
	}
	d.IndexText = strings.Join(ws[:leadKeys], " ")
	if r := ftsValues(1, &d); r.lead != d.IndexText || r.body != "" {
		t.Errorf("short: %q / %q", r.lead, r.body)
	}
}

func TestStoredAs(t *testing.T) {
	s := openTemp(t)
	d := mkDoc("a", "", "", "", "نص")
	put(t, s, d)
	if id, err := s.StoredAs(ctx, d.RawHash); id != d.ID || err != nil {
		t.Errorf("stored hash: %q %v", id, err)
	}
	if id, err := s.StoredAs(ctx, "nope"); id != "" || err != nil {
		t.Errorf("absent hash: %q %v", id, err)
	}
}
