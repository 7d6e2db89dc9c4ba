package gazetteer

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"rasad/internal/arabic"
	"rasad/internal/document"
)

const devDir = "../../../shared/corpus/dev"

// scoreNorm is the scorer's name normalization (../shared/eval/score.py).
var (
	scoreMarks  = regexp.MustCompile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
	scoreQuotes = regexp.MustCompile("[\"'“”«»‘’]")
	scoreRepl   = strings.NewReplacer("أ", "ا", "إ", "ا", "آ", "ا", "ٱ", "ا", "ى", "ي", "ة", "ه")
)

func scoreNorm(s string) string {
	s = scoreMarks.ReplaceAllString(s, "")
	s = scoreQuotes.ReplaceAllString(s, "")
	s = strings.Join(strings.Fields(scoreRepl.Replace(s)), " ")
	for _, p := range []string{"حي ", "مدينه ", "بلده ", "قريه ", "منطقه ", "ناحيه "} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			return rest
		}
	}
	return s
}

// docToponyms is the document record's toponym list as the event stage
// builds it: the Names of every mention, distinct under arabic.Fold.
func docToponyms(ts []Toponym) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range ts {
		for _, n := range t.Names() {
			if k := arabic.Fold(n); n != "" && !seen[k] {
				seen[k] = true
				out = append(out, n)
			}
		}
	}
	return out
}

type devScore struct{ tp, fp, fn int }

func (s devScore) prf() (p, r, f float64) {
	if s.tp+s.fp > 0 {
		p = float64(s.tp) / float64(s.tp+s.fp)
	}
	if s.tp+s.fn > 0 {
		r = float64(s.tp) / float64(s.tp+s.fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// scoreDev runs rec over the dev documents and scores the toponym lists
// like score.py; it returns the score and a per-document report of false
// positives and misses.
func scoreDev(t *testing.T, rec func(text string) []Toponym) (devScore, string) {
	f, err := os.Open(filepath.Join(devDir, "gold.jsonl"))
	if err != nil {
		t.Skip("../shared not present: " + err.Error())
	}
	defer f.Close()
	var total devScore
	var rep strings.Builder
	var pred *os.File
	if out := os.Getenv("RASAD_PRED_OUT"); out != "" {
		if pred, err = os.Create(out); err != nil {
			t.Fatal(err)
		}
		defer pred.Close()
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var g struct {
			Doc      string `json:"doc"`
			Toponyms struct {
				Required []string `json:"required"`
				Optional []string `json:"optional"`
			} `json:"toponyms"`
		}
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatal(err)
		}
		raw, err := os.ReadFile(filepath.Join(devDir, "docs", g.Doc+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		dec, _, err := document.Decode(raw)
		if err != nil {
			t.Fatal(err)
		}
		text, _, _ := document.Clean(dec)
		names := docToponyms(rec(text))
		if pred != nil {
			b, _ := json.Marshal(map[string]any{"record": "document", "doc": g.Doc, "toponyms": names})
			fmt.Fprintf(pred, "%s\n", b)
		}
		req, opt, found := map[string]string{}, map[string]bool{}, map[string]string{}
		for _, n := range g.Toponyms.Required {
			req[scoreNorm(n)] = n
		}
		for _, n := range g.Toponyms.Optional {
			opt[scoreNorm(n)] = true
		}
		for _, n := range names {
			if k := scoreNorm(n); k != "" {
				found[k] = n
			}
		}
		var fps, fns []string
		for k, n := range found {
			switch {
			case req[k] != "":
				total.tp++
			case !opt[k]:
				total.fp++
				fps = append(fps, n)
			}
		}
		for k, n := range req {
			if found[k] == "" {
				total.fn++
				fns = append(fns, n)
			}
		}
		slices.Sort(fps)
		slices.Sort(fns)
		fmt.Fprintf(&rep, "%s\n  FP: %s\n  FN: %s\n", g.Doc, strings.Join(fps, " | "), strings.Join(fns, " | "))
	}
	return total, rep.String()
}

// TestDevToponyms measures the toponym lists on the dev set (the scorer's
// rules) and logs the false positives and misses of every document. The
// floor guards against regressions; the figure itself is reported by
// go test -v -run TestDevToponyms.
func TestDevToponyms(t *testing.T) {
	g := Default()
	s, rep := scoreDev(t, func(text string) []Toponym { return g.Recognize(text, arabic.Tokenize(text)) })
	p, r, f := s.prf()
	t.Logf("dev toponyms: P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)\n%s", p, r, f, s.tp, s.fp, s.fn, rep)
	if f < 0.85 || p < 0.85 {
		t.Errorf("dev toponyms F1 %.3f P %.3f: below the 0.85 floor", f, p)
	}
}

// TestDevGating measures what the common-word gating does on the dev set:
// the score, and the false positives from names that are also common
// words (common_names.txt and the lexicon), with and without it.
func TestDevGating(t *testing.T) {
	g := Default()
	ungated := *g
	ungated.noGate = true
	for _, c := range []struct {
		name string
		g    *Gazetteer
	}{{"without gating", &ungated}, {"with gating", g}} {
		commonFP := map[string]bool{}
		s, rep := scoreDev(t, func(text string) []Toponym {
			ts := c.g.Recognize(text, arabic.Tokenize(text))
			for _, tp := range ts {
				if tp.Place != nil && len(tp.Names()) > 0 {
					if k := Fold(tp.Text); commonNames[k] > 0 || lexicalName(c.g, k) {
						commonFP[scoreNorm(tp.Names()[0])] = true
					}
				}
			}
			return ts
		})
		// Keep the common-word names that are false positives.
		var fps []string
		for _, line := range strings.Split(rep, "\n") {
			if rest, ok := strings.CutPrefix(line, "  FP: "); ok && rest != "" {
				for _, n := range strings.Split(rest, " | ") {
					if commonFP[scoreNorm(n)] {
						fps = append(fps, n)
					}
				}
			}
		}
		p, r, f := s.prf()
		t.Logf("%s: P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d); false positives from common-word names: %d\n  %s",
			c.name, p, r, f, s.tp, s.fp, s.fn, len(fps), strings.Join(fps, " | "))
	}
}

// lexicalName reports whether the folded one-word name k is a lexicon word.
func lexicalName(g *Gazetteer, k string) bool {
	e, ok := g.m.words[k]
	return ok && e.node != 0 && g.m.nodes[e.node].lexical
}
