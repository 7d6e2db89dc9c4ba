package eval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const sharedDir = "../../../shared"

var scorePy = filepath.Join(sharedDir, "eval", "score.py")

// needPython skips the test unless python3 and the reference scorer exist.
func needPython(t testing.TB) string {
	t.Helper()
	if _, err := os.Stat(scorePy); err != nil {
		t.Skip("../shared not present: no eval/score.py")
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found")
	}
	return py
}

// pyOut is what score.py prints for one gold/pred pair.
type pyOut struct {
	JSON, Text, PerDoc string
}

// runScorePy runs score.py's main on each pair (one Python process) with
// --json, no flag and --per-doc, and returns the three outputs.
func runScorePy(t *testing.T, pairs [][2]string) []pyOut {
	t.Helper()
	py := needPython(t)
	prog := fmt.Sprintf(`import sys, io, json, contextlib
sys.path.insert(0, %q)
import score
out = []
for g, p in json.load(sys.stdin):
    res = {}
    for key, flags in (("JSON", ["--json"]), ("Text", []), ("PerDoc", ["--per-doc"])):
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            score.main([g, p] + flags)
        res[key] = buf.getvalue()
    out.append(res)
json.dump(out, sys.stdout)
`, filepath.Dir(scorePy))
	in, _ := json.Marshal(pairs)
	cmd := exec.Command(py, "-c", prog)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("score.py: %v\n%s", err, stderr.String())
	}
	var res []pyOut
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatal(err)
	}
	return res
}

// pyFuncs runs a function of score.py over inputs (JSON in, JSON out).
func pyFuncs(t *testing.T, expr string, inputs any) []json.RawMessage {
	t.Helper()
	py := needPython(t)
	prog := fmt.Sprintf("import sys, json\nsys.path.insert(0, %q)\nfrom score import *\nargs = json.load(sys.stdin)\njson.dump([%s for a in args], sys.stdout)\n",
		filepath.Dir(scorePy), expr)
	in, _ := json.Marshal(inputs)
	cmd := exec.Command(py, "-c", prog)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python: %v\n%s", err, stderr.String())
	}
	var res []json.RawMessage
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatal(err)
	}
	return res
}

func scoreFiles(t *testing.T, goldPath, predPath string) Scores {
	t.Helper()
	gf, err := os.Open(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	defer gf.Close()
	gold, err := ReadGold(gf)
	if err != nil {
		t.Fatal(err)
	}
	pf, err := os.Open(predPath)
	if err != nil {
		t.Fatal(err)
	}
	defer pf.Close()
	pred, err := ReadPred(pf)
	if err != nil {
		t.Fatal(err)
	}
	return Score(gold, pred)
}

// compareNumbers walks two decoded JSON values and reports any difference
// beyond 1e-9.
func compareNumbers(t *testing.T, path string, want, got any) {
	t.Helper()
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok || len(g) != len(w) {
			t.Errorf("%s: want %v, got %v", path, want, got)
			return
		}
		for k := range w {
			compareNumbers(t, path+"."+k, w[k], g[k])
		}
	case float64:
		g, ok := got.(float64)
		if !ok || math.Abs(g-w) > 1e-9 {
			t.Errorf("%s: score.py %v, Go %v", path, w, got)
		}
	default:
		t.Errorf("%s: unexpected %T", path, want)
	}
}

// checkAgainstPython asserts Go and score.py agree on goldPath/predPath:
// every --json number to 1e-9, and the --json, text and --per-doc outputs
// byte for byte.
func checkAgainstPython(t *testing.T, goldPath, predPath string, py pyOut) Scores {
	t.Helper()
	s := scoreFiles(t, goldPath, predPath)

	pyJSON := py.JSON
	var want, got any
	if err := json.Unmarshal([]byte(pyJSON), &want); err != nil {
		t.Fatalf("score.py --json: %v", err)
	}
	b, _ := json.Marshal(s)
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	compareNumbers(t, "", want, got)

	var buf bytes.Buffer
	if err := s.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	if buf.String() != pyJSON {
		t.Errorf("WriteJSON differs from score.py --json:\n--- py\n%s--- go\n%s", pyJSON, buf.String())
	}
	for _, perDoc := range []bool{false, true} {
		want := py.Text
		if perDoc {
			want = py.PerDoc
		}
		buf.Reset()
		if err := s.WriteText(&buf, perDoc); err != nil {
			t.Fatal(err)
		}
		if buf.String() != want {
			t.Errorf("WriteText(perDoc=%v) differs from score.py:\n--- py\n%s--- go\n%s", perDoc, want, buf.String())
		}
	}
	return s
}

func TestFixtureMatchesScorePy(t *testing.T) {
	g, p := "testdata/gold.jsonl", "testdata/pred.jsonl"
	s := checkAgainstPython(t, g, p, runScorePy(t, [][2]string{{g, p}})[0])
	// The fixture is built to exercise every rule; pin its counts too.
	want := Counts{TopTP: 8, TopFP: 4, TopFN: 3, EvTP: 7, EvFP: 4, EvFN: 2, SubOK: 6, A1OK: 5, A1N: 6,
		DateOK: 4, DateN: 7, CasTP: 2, CasFP: 3, CasFN: 2, CitedHit: 3, CitedN: 5}
	if s.Counts != want {
		t.Errorf("counts\n got %+v\nwant %+v", s.Counts, want)
	}
}

// TestEdgeCasesMatchScorePy runs small hand-made gold/pred pairs through
// both scorers.
func TestEdgeCasesMatchScorePy(t *testing.T) {
	needPython(t)
	cases := []struct{ name, gold, pred string }{
		{"duplicate gold doc: first position, last content",
			`{"doc":"x","toponyms":{"required":["حلب"]}}
{"doc":"y","toponyms":{"required":["حمص"]}}
{"doc":"x","toponyms":{"required":["حماة"]},"cited":["سانا"]}`,
			`{"record":"document","doc":"x","toponyms":["حماة"],"cited":["وكالة سانا للأنباء"]}
{"record":"document","doc":"y","toponyms":["حمص"]}`},
		{"later document record replaces earlier",
			`{"doc":"x","toponyms":{"required":["حلب","حماة"]},"cited":["سانا"]}`,
			`{"record":"document","doc":"x","toponyms":["حلب"],"cited":["سانا"]}
{"record":"document","doc":"x","toponyms":["حماة"]}`},
		{"date forms",
			`{"doc":"d","events":[` +
				`{"type":"battles","place":["أ"],"date":"2017-01-01"},` +
				`{"type":"battles","place":["ب"],"date":"2017-01-01"},` +
				`{"type":"battles","place":["ج"],"date":"2016-12-31"},` +
				`{"type":"battles","place":["د"],"date":"2020-12-31"},` +
				`{"type":"battles","place":["ه"],"date":"2017-03-01"},` +
				`{"type":"battles","place":["و"],"date":"2017-06-15"},` +
				`{"type":"battles","place":["ز"],"date":"2017-06-15"},` +
				`{"type":"battles","place":["ح"],"date":"2017-06-15"}]}`,
			`{"doc":"d","type":"battles","place":"أ","date":"2016-12-31T23:00"}
{"doc":"d","type":"battles","place":"ب","date":"2017W011"}
{"doc":"d","type":"battles","place":"ج","date":"2017-W01"}
{"doc":"d","type":"battles","place":"د","date":"2020-W53-5"}
{"doc":"d","type":"battles","place":"ه","date":"2017-02-29"}
{"doc":"d","type":"battles","place":"و","date":"2017061512"}
{"doc":"d","type":"battles","place":"ز","date":["2017-06-15"]}
{"doc":"d","type":"battles","place":"ح","date":"٢٠١٧-٠٦-١٥"}`},
		{"place forms",
			`{"doc":"p","events":[{"type":"battles","place":[""]},{"type":"battles","place":["ـ"]},{"type":"riots","place":["X"]},{"type":"protests","place":["حي"]}]}`,
			`{"doc":"p","type":"battles","place":""}
{"doc":"p","type":"battles","place":"ـ"}
{"doc":"p","type":"riots","place":{"name":null,"text":"\"X\""}}
{"doc":"p","type":"protests","place":{"name":"حي"}}
{"doc":"p","type":"protests","place":{}}
{"doc":"p","type":null,"place":"X"}
{"doc":"p","type":"riots","place":false}`},
		{"casualty forms",
			`{"doc":"c","casualties":[{"group":"civilians","killed":5},{"group":"civilians","killed":5},{"group":"sdf","killed":1},{"group":"hts","killed":"4"}]}`,
			`{"doc":"c","type":"battles","fatalities":[{"group":"civilians","killed":5.9},{"group":"civilians","killed":"5"},{"group":"sdf","killed":true}]}
{"doc":"c","type":"battles","fatalities":[{"group":null,"killed":4},{"killed":4},{"group":"hts","killed":4},{"group":"hts","killed":null}]}
{"doc":"c","type":"battles","fatalities":0}
{"doc":"c","type":"battles","fatalities":""}`},
		{"cited forms",
			`{"doc":"s","cited":["","المرصد","«المرصد السوري»","وزارة الدفاع الروسية","مراسل"]}`,
			`{"record":"document","doc":"s","cited":["","المرصد السوري لحقوق الإنسان",null]}
{"doc":"s","type":"battles","cited":["وزارة الدفاع"]}`},
		{"actors and subtypes",
			`{"doc":"a","events":[{"type":"battles","subtype":["armed_clash"],"actor1":["sdf","coalition"],"place":["الرقة"]},{"type":"battles","subtype":[],"actor1":["sdf"],"place":["الطبقة"]},{"type":"battles","subtype":null,"actor1":null,"place":["منبج"]}]}`,
			`{"doc":"a","type":"battles","subtype":"armed","actor1":"coalition","place":"مدينة الرقة"}
{"doc":"a","type":"battles","subtype":5,"actor1":{"id":["sdf"]},"place":{"text":"الطبقه"}}
{"doc":"a","type":"battles","actor1":{"text":"قسد"},"place":{"name":"منبج"}}`},
		{"empty gold and pred", ``, ``},
		{"only extra docs, more than five",
			`{"doc":"g"}`,
			`{"doc":"z6","type":"x"}
{"doc":"z1","type":"x"}
{"doc":"z5","type":"x"}
{"doc":"z3","type":"x"}
{"doc":"z2","type":"x"}
{"doc":"z4","type":"x"}
{"record":"document","doc":"z7"}`},
	}
	dir := t.TempDir()
	var pairs [][2]string
	for i, c := range cases {
		g := filepath.Join(dir, fmt.Sprintf("g%d.jsonl", i))
		p := filepath.Join(dir, fmt.Sprintf("p%d.jsonl", i))
		os.WriteFile(g, []byte(c.gold+"\n"), 0o644)
		os.WriteFile(p, []byte(c.pred+"\n"), 0o644)
		pairs = append(pairs, [2]string{g, p})
	}
	outs := runScorePy(t, pairs)
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkAgainstPython(t, pairs[i][0], pairs[i][1], outs[i]) })
	}
}

// TestDevGoldMatchesScorePy scores the real dev gold against predictions
// derived from it with deliberate errors, and against the export at
// $RASAD_EVAL_PRED when that is set.
func TestDevGoldMatchesScorePy(t *testing.T) {
	needPython(t)
	goldPath := filepath.Join(sharedDir, "corpus", "dev", "gold.jsonl")
	f, err := os.Open(goldPath)
	if err != nil {
		t.Skip("../shared not present: no corpus/dev/gold.jsonl")
	}
	gold, err := ReadGold(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	// A prediction that gets some things right and some wrong.
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	n := 0
	first := func(l []string) string {
		if len(l) == 0 {
			return ""
		}
		return l[len(l)-1]
	}
	for _, g := range gold {
		tops := append([]string{}, g.Toponyms.Required...)
		if len(tops) > 2 {
			tops = tops[1:]
		}
		tops = append(tops, "مكان غير موجود")
		enc.Encode(map[string]any{"record": "document", "doc": g.Doc, "toponyms": tops, "cited": g.Cited[:len(g.Cited)/2]})
		for _, e := range g.Events {
			n++
			if n%5 == 0 {
				continue // missed
			}
			typ, date := e.Type, e.Date
			if n%7 == 0 {
				typ = "riots"
			}
			if n%3 == 0 && date != "" {
				date = date[:8] + "01"
			}
			var fat []map[string]any
			if n%2 == 0 && len(g.Casualties) > 0 {
				c := g.Casualties[n%len(g.Casualties)]
				fat = append(fat, map[string]any{"group": c.Group, "killed": c.Killed + int64(n%3)})
			}
			enc.Encode(map[string]any{"record": "event", "doc": g.Doc, "type": typ, "subtype": first(e.Subtype),
				"actor1": map[string]string{"id": first(e.Actor1)}, "place": map[string]string{"name": first(e.Place)},
				"date": date, "fatalities": fat})
		}
	}
	p := filepath.Join(t.TempDir(), "pred.jsonl")
	os.WriteFile(p, []byte(b.String()), 0o644)
	pairs := [][2]string{{goldPath, p}}
	env := os.Getenv("RASAD_EVAL_PRED")
	if env != "" {
		pairs = append(pairs, [2]string{goldPath, env})
	}
	outs := runScorePy(t, pairs)
	checkAgainstPython(t, goldPath, p, outs[0])
	if env != "" {
		t.Run("RASAD_EVAL_PRED", func(t *testing.T) { checkAgainstPython(t, goldPath, env, outs[1]) })
	}
}
