package events

import (
	"strings"
	"testing"

	"rasad/internal/arabic"
)

func TestEmbeddedLexicon(t *testing.T) {
	lx, err := parseLexicon(lexiconTSV)
	if err != nil {
		t.Fatalf("embedded lexicon.tsv: %v", err)
	}
	if len(lx.setID) > 64 {
		t.Errorf("%d sets, the token masks hold 64", len(lx.setID))
	}
	// every family has at least one trigger form
	seen := map[family]bool{}
	for _, ix := range []wordIndex{lx.verbs, lx.nouns} {
		for _, ps := range ix {
			for _, p := range ps {
				seen[p.fam] = true
			}
		}
	}
	for f := family(1); f < numFamilies; f++ {
		if !seen[f] {
			t.Errorf("family %s has no trigger", f)
		}
	}
}

func TestParseLexiconErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
	}{
		{"two columns", "air\tn", "want 3"},
		{"unknown family", "bombing\tn\tقصف", "unknown family"},
		{"unknown pos", "air\tx\tغارة", "unknown part of speech"},
		{"verb without present", "bomb\tv\tقصف", "past/present"},
		{"empty forms", "air\tn\t ", "no forms"},
		{"empty form", "air\tn\tغارة||غارات", "empty form"},
		{"missing lists", "air\tn\tغارة", "missing @list"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseLexicon(tc.src)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestVerbForms(t *testing.T) {
	past := pastForms(arabic.Fold("قصف"))
	pres := presentForms(arabic.Fold("قصف"))
	for _, w := range []string{"قصف", "قصفت", "قصفوا", "قصفتها", "قصفوه"} {
		if !containsStr(past, arabic.Fold(w)) {
			t.Errorf("past forms lack %s", w)
		}
	}
	for _, w := range []string{"يقصف", "تقصف", "يقصفون", "تقصفها"} {
		if !containsStr(pres, arabic.Fold(w)) {
			t.Errorf("present forms lack %s", w)
		}
	}
	if d := duals(arabic.Fold("غارة")); !containsStr(d, arabic.Fold("غارتين")) {
		t.Errorf("duals of غارة: %v", d)
	}
}

// TestTriggerWords checks inflected and cliticized forms against the
// embedded lexicon.
func TestTriggerWords(t *testing.T) {
	for _, tc := range []struct {
		word string
		fam  family
		verb bool
		fut  bool
	}{
		{"وقصفت", famBomb, true, false},
		{"يقصف", famBomb, true, false},
		{"سيقصف", famBomb, true, true},
		{"بالقصف", famBomb, false, false},
		{"غارتين", famAir, false, false},
		{"والغارات", famAir, false, false},
		{"سيطرت", famTake, true, false},
		{"استعادوا", famTake, true, false},
		{"اشتباكات", famClash, false, false},
		{"اعتقلت", famArrest, true, false},
		{"مظاهرة", famProtest, false, false},
	} {
		r := analyzeText(t, tc.word+" .", "")
		c := newContext(r, "", theLexicon())
		tr, ok := c.triggerAt(0)
		if !ok || tr.fam != tc.fam || tr.verb != tc.verb || tr.future != tc.fut {
			t.Errorf("%s: got %+v ok=%v, want family %s verb=%v future=%v", tc.word, tr, ok, tc.fam, tc.verb, tc.fut)
		}
	}
}

func containsStr(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
