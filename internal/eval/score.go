package eval

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Counts are the raw tallies behind the scores, named as score.py names
// them.
type Counts struct {
	TopTP    int `json:"top_tp"`
	TopFP    int `json:"top_fp"`
	TopFN    int `json:"top_fn"`
	EvTP     int `json:"ev_tp"`
	EvFP     int `json:"ev_fp"`
	EvFN     int `json:"ev_fn"`
	SubOK    int `json:"sub_ok"`
	A1OK     int `json:"a1_ok"`
	A1N      int `json:"a1_n"`
	DateOK   int `json:"date_ok"`
	DateN    int `json:"date_n"`
	CasTP    int `json:"cas_tp"`
	CasFP    int `json:"cas_fp"`
	CasFN    int `json:"cas_fn"`
	CitedHit int `json:"cited_hit"`
	CitedN   int `json:"cited_n"`
}

func (c *Counts) add(d Counts) {
	c.TopTP += d.TopTP
	c.TopFP += d.TopFP
	c.TopFN += d.TopFN
	c.EvTP += d.EvTP
	c.EvFP += d.EvFP
	c.EvFN += d.EvFN
	c.SubOK += d.SubOK
	c.A1OK += d.A1OK
	c.A1N += d.A1N
	c.DateOK += d.DateOK
	c.DateN += d.DateN
	c.CasTP += d.CasTP
	c.CasFP += d.CasFP
	c.CasFN += d.CasFN
	c.CitedHit += d.CitedHit
	c.CitedN += d.CitedN
}

// PRF is precision, recall and F1.
type PRF struct {
	P  float64 `json:"p"`
	R  float64 `json:"r"`
	F1 float64 `json:"f1"`
}

// EventPRF is the event P/R/F1 with its counts.
type EventPRF struct {
	P  float64 `json:"p"`
	R  float64 `json:"r"`
	F1 float64 `json:"f1"`
	TP int     `json:"tp"`
	FP int     `json:"fp"`
	FN int     `json:"fn"`
}

// Summary is score.py's summary: the metrics its --json prints, with its keys.
type Summary struct {
	Toponyms    PRF      `json:"toponyms"`
	Events      EventPRF `json:"events"`
	SubtypeAcc  float64  `json:"subtype_acc"`  // matched events with an acceptable subtype
	Actor1Acc   float64  `json:"actor1_acc"`   // matched events with a gold actor1 list
	DateAcc     float64  `json:"date_acc"`     // matched events with a gold date, ±1 day
	Casualties  PRF      `json:"casualties"`   // (group, killed) pairs
	CitedRecall float64  `json:"cited_recall"` // gold cited names found
}

// DocScore is the score of one gold document.
type DocScore struct {
	Doc    string `json:"doc"`
	Counts Counts `json:"counts"`
	Summary
}

// Scores is the result of Score: the micro-averaged headline metrics (the
// embedded Summary; json.Marshal gives score.py's --json keys), their
// counts, one DocScore per gold document in gold order, and the documents
// that have predicted events but no gold (not scored).
type Scores struct {
	Summary
	Counts    Counts     `json:"-"`
	PerDoc    []DocScore `json:"-"`
	ExtraDocs []string   `json:"-"`
}

func prf(tp, fp, fn int) (p, r, f float64) {
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r != 0 {
		f = float64(2*p*r) / float64(p+r)
	}
	return p, r, f
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Summarize turns counts into score.py's metrics.
func Summarize(c Counts) Summary {
	var s Summary
	s.Toponyms.P, s.Toponyms.R, s.Toponyms.F1 = prf(c.TopTP, c.TopFP, c.TopFN)
	s.Events.P, s.Events.R, s.Events.F1 = prf(c.EvTP, c.EvFP, c.EvFN)
	s.Events.TP, s.Events.FP, s.Events.FN = c.EvTP, c.EvFP, c.EvFN
	s.Casualties.P, s.Casualties.R, s.Casualties.F1 = prf(c.CasTP, c.CasFP, c.CasFN)
	s.SubtypeAcc = ratio(c.SubOK, c.EvTP)
	s.Actor1Acc = ratio(c.A1OK, c.A1N)
	s.DateAcc = ratio(c.DateOK, c.DateN)
	s.CitedRecall = ratio(c.CitedHit, c.CitedN)
	return s
}

// goldDocs dedups gold by doc id as score.py's dict does: the first line
// of an id fixes its place in the order, the last one its content.
func goldDocs(gold []Gold) []*Gold {
	idx := map[string]int{}
	var out []*Gold
	for i := range gold {
		if k, ok := idx[gold[i].Doc]; ok {
			out[k] = &gold[i]
			continue
		}
		idx[gold[i].Doc] = len(out)
		out = append(out, &gold[i])
	}
	return out
}

// Score scores pred against gold with score.py's semantics.
func Score(gold []Gold, pred map[string]*Pred) Scores {
	var s Scores
	docs := goldDocs(gold)
	in := make(map[string]bool, len(docs))
	for _, g := range docs {
		in[g.Doc] = true
		c := scoreDoc(g, pred[g.Doc], nil)
		s.Counts.add(c)
		s.PerDoc = append(s.PerDoc, DocScore{Doc: g.Doc, Counts: c, Summary: Summarize(c)})
	}
	for doc, p := range pred {
		if !in[doc] && len(p.Events) > 0 {
			s.ExtraDocs = append(s.ExtraDocs, doc)
		}
	}
	sort.Strings(s.ExtraDocs)
	s.Summary = Summarize(s.Counts)
	return s
}

// placeSet is score.py's place_names of a predicted event.
func placeSet(pl PredPlace) []string {
	if pl.Bare {
		return []string{Norm(pl.Name)}
	}
	var out []string
	if n := Norm(pl.Name); n != "" {
		out = append(out, n)
	}
	if t := Norm(pl.Text); t != "" {
		out = append(out, t)
	}
	return out
}

func normSet(names []string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[Norm(n)] = true
	}
	return m
}

func intersects(names []string, set map[string]bool) bool {
	for _, n := range names {
		if set[n] {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// casKey is a (group, killed) pair; null groups differ from every string.
type casKey struct {
	group  string
	null   bool
	killed int64
}

// scoreDoc scores one gold document against its predictions (p may be nil)
// and, when rep is not nil, reports every error to it.
func scoreDoc(g *Gold, p *Pred, rep *reporter) Counts {
	var d Counts
	if p == nil {
		p = &Pred{Doc: g.Doc}
	}
	// toponyms
	req, opt := normSet(g.Toponyms.Required), normSet(g.Toponyms.Optional)
	found := map[string]bool{}
	for _, t := range p.Toponyms {
		if n := Norm(t); n != "" {
			found[n] = true
		}
	}
	for n := range found {
		switch {
		case req[n]:
			d.TopTP++
		case !opt[n]:
			d.TopFP++
		}
	}
	for n := range req {
		if !found[n] {
			d.TopFN++
		}
	}
	if rep != nil {
		rep.toponyms(g, p, req, opt, found)
	}

	// events: greedy one-to-one, required gold events first
	preds := p.Events
	used := make([]bool, len(preds))
	order := make([]int, 0, len(g.Events))
	for i := range g.Events {
		if !g.Events[i].Optional {
			order = append(order, i)
		}
	}
	for i := range g.Events {
		if g.Events[i].Optional {
			order = append(order, i)
		}
	}
	places := make([][]string, len(preds))
	for i := range preds {
		places[i] = placeSet(preds[i].Place)
	}
	for _, gi := range order {
		ge := &g.Events[gi]
		gplaces := normSet(ge.Place)
		hit := -1
		for i := range preds {
			if used[i] || preds[i].Type != ge.Type {
				continue
			}
			if intersects(places[i], gplaces) {
				hit = i
				break
			}
		}
		if hit < 0 {
			if !ge.Optional {
				d.EvFN++
				if rep != nil {
					rep.missed(ge, preds, places, used, gplaces)
				}
			}
			continue
		}
		used[hit] = true
		if ge.Optional {
			continue
		}
		pe := &preds[hit]
		d.EvTP++
		if len(ge.Subtype) == 0 || contains(ge.Subtype, pe.Subtype) {
			d.SubOK++
		} else if rep != nil {
			rep.add(ErrorItem{Kind: KindWrongSubtype, Gold: ge, Pred: pe})
		}
		if len(ge.Actor1) > 0 {
			d.A1N++
			if contains(ge.Actor1, pe.Actor1.ID) {
				d.A1OK++
			} else if rep != nil {
				rep.add(ErrorItem{Kind: KindWrongActor1, Gold: ge, Pred: pe})
			}
		}
		if ge.Date != "" {
			d.DateN++
			if gap, ok := daysApart(pe.Date, ge.Date); ok && gap <= 1 {
				d.DateOK++
			} else if rep != nil {
				rep.add(ErrorItem{Kind: KindWrongDate, Gold: ge, Pred: pe})
			}
		}
	}
	for i, u := range used {
		if !u {
			d.EvFP++
			if rep != nil {
				rep.add(ErrorItem{Kind: KindSpurious, Pred: &preds[i]})
			}
		}
	}

	// casualties: gold pairs as a multiset, predicted pairs once each
	rest := make([]casKey, 0, len(g.Casualties))
	for _, c := range g.Casualties {
		rest = append(rest, casKey{group: c.Group, killed: c.Killed})
	}
	seen := map[casKey]bool{}
	for i := range preds {
		for _, fa := range preds[i].Fatalities {
			if fa.Killed == nil {
				continue
			}
			k := casKey{null: fa.Group == nil, killed: *fa.Killed}
			if fa.Group != nil {
				k.group = *fa.Group
			}
			if seen[k] {
				continue
			}
			seen[k] = true
			j := indexCas(rest, k)
			if j >= 0 {
				rest = append(rest[:j], rest[j+1:]...)
				d.CasTP++
				continue
			}
			d.CasFP++
			if rep != nil {
				rep.add(ErrorItem{Kind: KindCasualtyFP, Pred: fa, Evidence: preds[i].Evidence})
			}
		}
	}
	d.CasFN = len(rest)
	if rep != nil {
		for _, k := range rest {
			rep.add(ErrorItem{Kind: KindCasualtyFN, Gold: Casualty{Group: k.group, Killed: k.killed}})
		}
	}

	// cited: containment either way, after normalization
	var pcited []string
	for _, x := range p.Cited {
		pcited = append(pcited, Norm(x))
	}
	for i := range preds {
		for _, x := range preds[i].Cited {
			pcited = append(pcited, Norm(x))
		}
	}
	for _, raw := range g.Cited {
		c := Norm(raw)
		d.CitedN++
		hit := false
		for _, x := range pcited {
			if x != "" && (strings.Contains(x, c) || strings.Contains(c, x)) {
				hit = true
				break
			}
		}
		if hit {
			d.CitedHit++
		} else if rep != nil {
			rep.add(ErrorItem{Kind: KindCitedFN, Gold: raw})
		}
	}
	return d
}

func indexCas(list []casKey, k casKey) int {
	for i, c := range list {
		if c == k {
			return i
		}
	}
	return -1
}

// pyFloat formats f as Python's repr (and json.dumps) does.
func pyFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64)
	exp, _ := strconv.Atoi(e[strings.IndexByte(e, 'e')+1:])
	if exp < -4 || exp >= 16 {
		return e
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.ContainsAny(s, ".") {
		s += ".0"
	}
	return s
}

func eventsJSON(e EventPRF) string {
	return fmt.Sprintf(`{"p": %s, "r": %s, "f1": %s, "tp": %d, "fp": %d, "fn": %d}`,
		pyFloat(e.P), pyFloat(e.R), pyFloat(e.F1), e.TP, e.FP, e.FN)
}

// WritePerDoc writes score.py's --per-doc lines: per gold document its id,
// its event scores as JSON and its toponym F1.
func (s Scores) WritePerDoc(w io.Writer) error {
	for _, d := range s.PerDoc {
		if _, err := fmt.Fprintf(w, "%s %s toponyms %.2f\n", d.Doc, eventsJSON(d.Events), d.Toponyms.F1); err != nil {
			return err
		}
	}
	return nil
}

// WriteText writes score.py's text output, byte for byte: the per-document
// lines when perDoc is set, a note on predicted documents missing from the
// gold, the metric lines, and last the headline line.
func (s Scores) WriteText(w io.Writer, perDoc bool) error {
	if perDoc {
		if err := s.WritePerDoc(w); err != nil {
			return err
		}
	}
	var b strings.Builder
	if len(s.ExtraDocs) > 0 {
		extra := s.ExtraDocs
		if len(extra) > 5 {
			extra = extra[:5]
		}
		fmt.Fprintf(&b, "note: predictions for documents not in the gold: %s\n", strings.Join(extra, ", "))
	}
	fmt.Fprintf(&b, "toponyms   P %.2f R %.2f F1 %.2f\n", s.Toponyms.P, s.Toponyms.R, s.Toponyms.F1)
	fmt.Fprintf(&b, "events     P %.2f R %.2f F1 %.2f  (tp %d fp %d fn %d)\n",
		s.Events.P, s.Events.R, s.Events.F1, s.Events.TP, s.Events.FP, s.Events.FN)
	fmt.Fprintf(&b, "subtype %.2f  actor1 %.2f  date %.2f  casualties F1 %.2f  cited recall %.2f\n",
		s.SubtypeAcc, s.Actor1Acc, s.DateAcc, s.Casualties.F1, s.CitedRecall)
	fmt.Fprintf(&b, "headline events_f1=%.3f toponyms_f1=%.3f\n", s.Events.F1, s.Toponyms.F1)
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON writes the summary as score.py's --json does (json.dumps with
// indent=1), byte for byte. score.py prints its --per-doc lines before it;
// call WritePerDoc first for the same.
func (s Scores) WriteJSON(w io.Writer) error {
	prfJSON := func(p PRF) string {
		return fmt.Sprintf("{\n  \"p\": %s,\n  \"r\": %s,\n  \"f1\": %s\n }", pyFloat(p.P), pyFloat(p.R), pyFloat(p.F1))
	}
	e := s.Events
	out := fmt.Sprintf("{\n \"toponyms\": %s,\n \"events\": {\n  \"p\": %s,\n  \"r\": %s,\n  \"f1\": %s,\n  \"tp\": %d,\n  \"fp\": %d,\n  \"fn\": %d\n },\n"+
		" \"subtype_acc\": %s,\n \"actor1_acc\": %s,\n \"date_acc\": %s,\n \"casualties\": %s,\n \"cited_recall\": %s\n}\n",
		prfJSON(s.Toponyms), pyFloat(e.P), pyFloat(e.R), pyFloat(e.F1), e.TP, e.FP, e.FN,
		pyFloat(s.SubtypeAcc), pyFloat(s.Actor1Acc), pyFloat(s.DateAcc), prfJSON(s.Casualties), pyFloat(s.CitedRecall))
	_, err := io.WriteString(w, out)
	return err
}
