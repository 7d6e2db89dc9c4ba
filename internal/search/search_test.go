package search

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rasad/internal/arabic"
	"rasad/internal/dedup"
	"rasad/internal/store"
)

var update = flag.Bool("update", false, "rewrite golden files")

var ctx = context.Background()

// fixture documents: short reports written for these tests.
var fixture = []struct{ id, outlet, published, title, text string }{
	{"sohr-1", "المرصد", "2017-10-29", "قتلى بقصف على دير الزور",
		"قتل خمسة من المدنيين بينهم طفلان جراء قصف مدفعي استهدف حي الحميدية في مدينة دير الزور صباح اليوم، بحسب المرصد السوري لحقوق الإنسان."},
	{"jaz-1", "الجزيرة", "2017-10-30T09:15:00Z", "غارات على الريف الشرقي",
		"شنت طائرات حربية غارات على ريف ديرالزور الشرقي، وقالت مصادر محلية إن القصف طال منازل سكنية في بلدة الميادين."},
	{"sana-1", "سانا", "2017-11-02", "استعادة قرى في ريف حمص",
		"أعلنت وزارة الدفاع عن استعادة السيطرة على قرى في ريف حمص الشرقي بعد معارك عنيفة، وتواصل الوحدات بقصف مواقع المسلحين."},
	{"sohr-2", "المرصد", "2017-11-05", "تجدد القصف",
		"تجدد القصف على أحياء المدينة، والقصف المدفعي أوقع إصابات بين المدنيين،\nفيما استمر القصف حتى المساء."},
	{"jaz-2", "الجزيرة", "2017-12-01", "جولة مفاوضات",
		"عقدت جولة جديدة من المفاوضات في جنيف بمشاركة وفدي الحكومة والمعارضة دون التوصل إلى اتفاق."},
	{"sana-2", "سانا", "2018-01-10", "لقاء",
		"التقى وزير الخارجية عبد الله بن زايد نظيره في العاصمة لبحث العلاقات الثنائية."},
}

// indexDoc builds a store document the way the ingest pipeline does.
func indexDoc(id, outlet, published, title, text string) store.Doc {
	keys := string(arabic.AppendSearchKeys(nil, title+"\n"+text))
	h := sha256.Sum256([]byte(id + title + text))
	return store.Doc{
		ID: id, RawHash: hex.EncodeToString(h[:]), Outlet: outlet, Published: published, Title: title,
		CleanText: text, NormText: arabic.Fold(text), IndexText: keys, Signature: dedup.SignatureText(keys),
	}
}

func fixtureStore(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "search.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var docs []store.Doc
	for _, f := range fixture {
		docs = append(docs, indexDoc(f.id, f.outlet, f.published, f.title, f.text))
	}
	if _, err := st.PutBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestSearchEndToEnd(t *testing.T) {
	st := fixtureStore(t)
	tests := []struct {
		req   Request
		want  string // ids, best first when ordered, else sorted
		order bool
	}{
		{Request{Query: "مدني"}, "sohr-1 sohr-2", false},
		{Request{Query: "قصف"}, "jaz-1 sana-1 sohr-1 sohr-2", false},
		{Request{Query: "والقصف"}, "jaz-1 sana-1 sohr-1 sohr-2", false},
		{Request{Query: "دير الزور"}, "jaz-1 sohr-1", false},
		{Request{Query: "ديرالزور"}, "jaz-1 sohr-1", false},
		{Request{Query: `"دير الزور"`}, "jaz-1 sohr-1", false},
		{Request{Query: "عبدالله"}, "sana-2", false},
		{Request{Query: "قصف", Outlet: "المرصد"}, "sohr-1 sohr-2", false},
		{Request{Query: "قصف", From: "2017-10-30", To: "2017-11-02"}, "jaz-1 sana-1", false},
		{Request{Query: "قصف", From: "2017-11"}, "sana-1 sohr-2", false},
		{Request{Query: "قصف -المدنيين"}, "jaz-1 sana-1", false},
		{Request{Query: "مفاوضات OR غارات"}, "jaz-1 jaz-2", false},
		{Request{Query: `"المدنيين قصف"`}, "", false},
		{Request{Query: "المدنيين قصف"}, "sohr-1 sohr-2", false},
		{Request{Query: "حمص"}, "sana-1", false},
		{Request{Query: "غائب"}, "", false},
		// ranking: the report with the most matches first
		{Request{Query: "قصف", Limit: 1}, "sohr-2", true},
	}
	for _, tc := range tests {
		res, err := Search(ctx, st, tc.req)
		if err != nil {
			t.Errorf("%+v: %v", tc.req, err)
			continue
		}
		var ids []string
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		if !tc.order {
			sortStrings(ids)
		}
		if got := strings.Join(ids, " "); got != tc.want {
			t.Errorf("%q %+v: %q, want %q (match %s)", tc.req.Query, tc.req, got, tc.want, res.Match)
		}
		if tc.req.Limit == 0 && res.Total != len(res.Hits) {
			t.Errorf("%q: total %d, %d hits", tc.req.Query, res.Total, len(res.Hits))
		}
	}
	// Bad input is an error of ours, never of SQLite.
	for _, req := range []Request{{Query: ""}, {Query: "قصف", From: "yesterday"}} {
		if _, err := Search(ctx, st, req); err == nil || errors.Is(err, store.ErrBadQuery) {
			t.Errorf("%+v: %v", req, err)
		}
	}
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// TestSearchGolden pins the JSON of a search result (hits, snippets,
// highlights).
func TestSearchGolden(t *testing.T) {
	st := fixtureStore(t)
	var out []Result
	for _, q := range []string{"قصف المدنيين", "ديرالزور", "عبدالله"} {
		res, err := Search(ctx, st, Request{Query: q, SnippetWidth: 60})
		if err != nil {
			t.Fatal(err)
		}
		for i := range res.Hits {
			res.Hits[i].Score = 0 // BM25 values are SQLite's business
		}
		res.Match = "" // pinned by TestParse
		res.Terms = Terms{}
		out = append(out, res)
	}
	got, _ := json.MarshalIndent(out, "", "  ")
	golden := filepath.Join("testdata", "search.golden.json")
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(want) != string(got)+"\n" {
		t.Errorf("search output differs from %s (run with -update to accept):\n%s", golden, got)
	}
}

// FuzzParse checks that no user query makes Parse panic or reaches SQLite
// as invalid FTS5 syntax.
func FuzzParse(f *testing.F) {
	st := fixtureStore(f)
	for _, q := range []string{"قصف", `"دير الزور"`, "ديرالزور -x OR y", `« ” “ " '`, "AND OR NOT NEAR(", "-", "a*b^c:d", "\x00\xff", "عبدالله OR", "OR OR -"} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		match, terms, err := Parse(q)
		if err != nil {
			return
		}
		if len(terms.Keys) == 0 {
			t.Fatalf("Parse(%q): match %s without keys", q, match)
		}
		if _, _, err := st.Search(ctx, store.Query{Match: match}); err != nil {
			t.Fatalf("Parse(%q) = %s: %v", q, match, err)
		}
	})
}
