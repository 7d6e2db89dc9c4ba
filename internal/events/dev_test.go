package events

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"rasad/internal/document"
	"rasad/internal/source"
)

// devGold is one document of ../shared/corpus/dev/gold.jsonl (the fields
// this test reads).
type devGold struct {
	Doc    string `json:"doc"`
	Events []struct {
		Type     string   `json:"type"`
		Subtype  []string `json:"subtype"`
		Actor1   []string `json:"actor1"`
		Place    []string `json:"place"`
		Optional bool     `json:"optional"`
	} `json:"events"`
}

// scoreName normalizes a place name as ../shared/eval/score.py does.
func scoreName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 0x0610 && r <= 0x061a, r >= 0x064b && r <= 0x065f, r == 0x0670, r >= 0x06d6 && r <= 0x06ed, r == 0x0640:
			continue
		case strings.ContainsRune("\"'“”«»‘’", r):
			continue
		case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
			r = 'ا'
		case r == 'ى':
			r = 'ي'
		case r == 'ة':
			r = 'ه'
		}
		b.WriteRune(r)
	}
	s = strings.Join(strings.Fields(b.String()), " ")
	for _, p := range []string{"حي ", "مدينه ", "بلده ", "قريه ", "منطقه ", "ناحيه "} {
		if strings.HasPrefix(s, p) {
			return s[len(p):]
		}
	}
	return s
}

// TestDevScore extracts the dev documents and scores the events as the
// project's scorer does (type + place, greedy one-to-one). It guards the
// issue's floor (events precision and F1 at least 0.75); the full metrics
// come from ../shared/eval/score.py.
func TestDevScore(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "dev")
	f, err := os.Open(filepath.Join(dir, "gold.jsonl"))
	if err != nil {
		t.Skip("../shared not present: ", err)
	}
	defer f.Close()
	var golds []devGold
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var g devGold
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatalf("gold: %v", err)
		}
		golds = append(golds, g)
	}
	x := NewExtractor()
	tp, fp, fn, subOK, a1OK, a1N := 0, 0, 0, 0, 0, 0
	for _, g := range golds {
		b, err := os.ReadFile(filepath.Join(dir, "docs", g.Doc+".txt"))
		if err != nil {
			t.Fatalf("doc %s: %v", g.Doc, err)
		}
		d, err := document.Build(source.Record{ID: g.Doc, Body: b})
		if err != nil {
			t.Fatalf("doc %s: %v", g.Doc, err)
		}
		r := x.Analyze(d, Options{})
		checkRecords(t, r)
		used := make([]bool, len(r.Events))
		evs := g.Events
		sort.SliceStable(evs, func(i, j int) bool { return !evs[i].Optional && evs[j].Optional })
		for _, ge := range evs {
			places := map[string]bool{}
			for _, p := range ge.Place {
				places[scoreName(p)] = true
			}
			hit := -1
			for i, e := range r.Events {
				if used[i] || e.Type != ge.Type {
					continue
				}
				if places[scoreName(e.Place.Name)] || places[scoreName(e.Place.Text)] {
					hit = i
					break
				}
			}
			if hit < 0 {
				if !ge.Optional {
					fn++
				}
				continue
			}
			used[hit] = true
			if ge.Optional {
				continue
			}
			tp++
			e := r.Events[hit]
			if len(ge.Subtype) == 0 || contains(ge.Subtype, e.Subtype) {
				subOK++
			}
			if len(ge.Actor1) > 0 {
				a1N++
				if e.Actor1 != nil && contains(ge.Actor1, e.Actor1.ID) {
					a1OK++
				}
			}
		}
		for _, u := range used {
			if !u {
				fp++
			}
		}
	}
	p := float64(tp) / float64(max(tp+fp, 1))
	rc := float64(tp) / float64(max(tp+fn, 1))
	f1 := 0.0
	if p+rc > 0 {
		f1 = 2 * p * rc / (p + rc)
	}
	t.Logf("dev events: P %.2f R %.2f F1 %.2f (tp %d fp %d fn %d); subtype %.2f actor1 %.2f",
		p, rc, f1, tp, fp, fn, float64(subOK)/float64(max(tp, 1)), float64(a1OK)/float64(max(a1N, 1)))
	if p < 0.75 || f1 < 0.75 {
		t.Errorf("dev events precision %.2f / F1 %.2f below the 0.75 floor", p, f1)
	}
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
