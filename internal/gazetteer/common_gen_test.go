package gazetteer

import (
	"archive/zip"
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"rasad/internal/arabic"
)

const saudiNewsNetGlob = "../../../shared/data/bench/saudinewsnet/*.zip"

// forEachArticle calls f with the content of every SaudiNewsNet article.
func forEachArticle(tb testing.TB, limit int64, f func(content string)) {
	files, _ := filepath.Glob(saudiNewsNetGlob)
	if len(files) == 0 {
		tb.Skip("../shared not present: " + saudiNewsNetGlob + " not found")
	}
	var size int64
	for _, name := range files {
		zr, err := zip.OpenReader(name)
		if err != nil {
			tb.Fatalf("%s: %v", name, err)
		}
		for _, zf := range zr.File {
			rc, err := zf.Open()
			if err != nil {
				tb.Fatalf("%s/%s: %v", name, zf.Name, err)
			}
			data, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				tb.Fatalf("%s/%s: %v", name, zf.Name, err)
			}
			var arts []struct {
				Content string `json:"content"`
			}
			if err := json.Unmarshal(data, &arts); err != nil {
				tb.Fatalf("%s/%s: %v", name, zf.Name, err)
			}
			for _, a := range arts {
				if limit > 0 && size >= limit {
					zr.Close()
					return
				}
				size += int64(len(a.Content))
				f(a.Content)
			}
		}
		zr.Close()
	}
}

// Thresholds of the common-name list (see the header written below).
const (
	commonMinDocs  = 5   // in at least this many articles that do not mention Syria
	commonMaxLift  = 5.0 // and not this many times likelier in those that do
	commonManyDocs = 20  // or in this many, whatever the lift
)

// TestCommonNamesFile regenerates common_names.txt from the SaudiNewsNet
// corpus when RASAD_UPDATE_COMMON=1; otherwise it checks the committed
// file's format.
func TestCommonNamesFile(t *testing.T) {
	if os.Getenv("RASAD_UPDATE_COMMON") != "1" {
		for i, line := range strings.Split(commonNamesFile, "\n") {
			if line == "" || line[0] == '#' {
				continue
			}
			f := strings.Split(line, "\t")
			if len(f) != 4 || Fold(f[0]) != f[0] {
				t.Fatalf("common_names.txt:%d: want folded name and 3 counts, got %q", i+1, line)
			}
		}
		if len(commonNames) == 0 {
			t.Fatal("common_names.txt lists no names")
		}
		return
	}
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	type stat struct{ syria, other int }
	stats := map[int32]*stat{}
	nSyria, nOther := 0, 0
	seen := map[int32]bool{}
	forEachArticle(t, 0, func(content string) {
		sy := strings.Contains(content, "سوري")
		if sy {
			nSyria++
		} else {
			nOther++
		}
		r := &recognizer{g: g, m: g.m, text: content, toks: arabic.Tokenize(content)}
		r.scan()
		clear(seen)
		for _, m := range r.ms {
			if seen[m.node] {
				continue
			}
			seen[m.node] = true
			s := stats[m.node]
			if s == nil {
				s = &stat{}
				stats[m.node] = s
			}
			if sy {
				s.syria++
			} else {
				s.other++
			}
		}
	})
	type row struct {
		key        string
		syria, oth int
		lift       float64
	}
	var rows []row
	for n, s := range stats {
		nd := &g.m.nodes[n]
		if s.other < commonMinDocs || exemptFromCommon(g, nd.ids) {
			continue
		}
		lift := (float64(s.syria) / float64(nSyria)) / (float64(s.other) / float64(nOther))
		if lift >= commonMaxLift && s.other < commonManyDocs {
			continue
		}
		rows = append(rows, row{nd.key, s.syria, s.other, lift})
	}
	slices.SortFunc(rows, func(a, b row) int { return strings.Compare(a.key, b.key) })
	f, err := os.Create("common_names.txt")
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintf(w, `# Gazetteer names that are also common Arabic words or names used for other places.
# A mention of one counts as a place only with a place-type cue, a direction word, a locating
# phrase after it or among other places (see Recognize).
#
# Derived data, regenerate with: RASAD_UPDATE_COMMON=1 go test -run TestCommonNamesFile ./internal/gazetteer
# Method: the recognizer's raw name matches (no gating) over the SaudiNewsNet corpus (31,030 Saudi
# news articles of 2015, ../shared/data/bench/saudinewsnet): %d articles that do not contain "سوري"
# and %d that do. A name is listed when it occurs in at least %d of the first and is less than %g times
# likelier (per article) in the second, or occurs in %d of the first whatever the ratio (no Syrian village
# is named in that many articles about other things): it is ordinary vocabulary of news, not a Syrian
# place. Names with an entry of rank 800 or more (countries, governorates, foreign provinces and
# capitals) are exempt: the place reading dominates.
# Only gazetteer names and counts are stored, no corpus text.
# Columns: folded name, articles without "سوري", articles with it, lift.
`, nOther, nSyria, commonMinDocs, commonMaxLift, commonManyDocs)
	for _, r := range rows {
		fmt.Fprintf(w, "%s\t%d\t%d\t%.2f\n", r.key, r.oth, r.syria, math.Round(r.lift*100)/100)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %d common names", len(rows))
}

// exemptFromCommon reports whether a name denotes a country, governorate
// or capital: a place under every reading.
func exemptFromCommon(g *Gazetteer, ids []int32) bool {
	for _, id := range ids {
		p := &g.Places[id]
		if p.Kind == Country || p.Rank >= 800 {
			return true
		}
	}
	return false
}
