package eval

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Kinds of ErrorItem.
const (
	KindMissed       = "missed"        // a required gold event no prediction matched
	KindSpurious     = "spurious"      // a prediction no gold event matched
	KindWrongSubtype = "wrong_subtype" // matched, subtype not among the acceptable ones
	KindWrongActor1  = "wrong_actor1"  // matched, actor1 not among the acceptable ones
	KindWrongDate    = "wrong_date"    // matched, date absent or more than a day off
	KindToponymFP    = "toponym_fp"    // a found place neither required nor optional
	KindToponymFN    = "toponym_fn"    // a required place not found
	KindCasualtyFP   = "casualty_fp"   // a predicted (group, killed) pair not in the gold
	KindCasualtyFN   = "casualty_fn"   // a gold (group, killed) pair not predicted
	KindCitedFN      = "cited_fn"      // a gold cited source not found
)

// ErrorItem is one thing that cost score, found by the same matching as
// Score. Gold is a *GoldEvent (event kinds), a string (toponym_fn,
// cited_fn) or a Casualty; Pred is a *PredEvent (event kinds; for missed,
// a prediction at the same place that did not match, if any), a string
// (toponym_fp) or a PredFatality. Sentence is the clean text at Evidence:
// the prediction's evidence span, or else the sentence where the name
// first occurs; both are empty without the document's text.
type ErrorItem struct {
	Doc      string `json:"doc"`
	Kind     string `json:"kind"`
	Gold     any    `json:"gold,omitempty"`
	Pred     any    `json:"pred,omitempty"`
	Note     string `json:"note,omitempty"`
	Sentence string `json:"sentence,omitempty"`
	Evidence [2]int `json:"evidence"`
}

// Errors lists every error behind Score's numbers for the gold documents,
// in gold order; within a document: toponyms, event errors in matching
// order, spurious events, casualties, cited sources. texts maps a doc id
// to its clean text (the evidence offsets' reference); it may be nil.
func Errors(gold []Gold, pred map[string]*Pred, texts map[string]string) []ErrorItem {
	var items []ErrorItem
	for _, g := range goldDocs(gold) {
		rep := &reporter{doc: g.Doc, text: texts[g.Doc]}
		scoreDoc(g, pred[g.Doc], rep)
		items = append(items, rep.items...)
	}
	return items
}

type reporter struct {
	doc, text string
	items     []ErrorItem
}

func (r *reporter) add(it ErrorItem) {
	it.Doc = r.doc
	if pe, ok := it.Pred.(*PredEvent); ok && it.Evidence == [2]int{} {
		it.Evidence = pe.Evidence
	}
	if it.Sentence == "" && it.Evidence != [2]int{} {
		it.Sentence = span(r.text, it.Evidence)
	}
	r.items = append(r.items, it)
}

// locate fills it's sentence from the first occurrence of one of names.
func (r *reporter) locate(it *ErrorItem, names ...string) {
	if r.text == "" {
		return
	}
	for _, n := range names {
		for _, v := range []string{n, dropPlaceWord(n)} {
			if v == "" {
				continue
			}
			if i := strings.Index(r.text, v); i >= 0 {
				it.Evidence = sentenceAt(r.text, i, i+len(v))
				it.Sentence = span(r.text, it.Evidence)
				return
			}
		}
	}
}

func (r *reporter) toponyms(g *Gold, p *Pred, req, opt, found map[string]bool) {
	seen := map[string]bool{}
	for _, raw := range g.Toponyms.Required {
		n := Norm(raw)
		if seen[n] || found[n] {
			continue
		}
		seen[n] = true
		it := ErrorItem{Kind: KindToponymFN, Gold: raw}
		r.locate(&it, raw)
		r.add(it)
	}
	seen = map[string]bool{}
	for _, raw := range p.Toponyms {
		n := Norm(raw)
		if n == "" || seen[n] || req[n] || opt[n] {
			continue
		}
		seen[n] = true
		it := ErrorItem{Kind: KindToponymFP, Pred: raw}
		r.locate(&it, raw)
		r.add(it)
	}
}

func (r *reporter) missed(ge *GoldEvent, preds []PredEvent, places [][]string, used []bool, gplaces map[string]bool) {
	it := ErrorItem{Kind: KindMissed, Gold: ge}
	near, same := -1, -1
	for i := range preds {
		if !intersects(places[i], gplaces) {
			continue
		}
		if preds[i].Type != ge.Type {
			if near < 0 {
				near = i
			}
		} else if same < 0 {
			same = i
		}
	}
	switch {
	case near >= 0:
		it.Pred = &preds[near]
		it.Note = "predicted at this place with another type"
	case same >= 0:
		it.Pred = &preds[same]
		it.Note = "the prediction at this place matched another gold event"
	default:
		r.locate(&it, ge.Place...)
	}
	r.add(it)
}

// dropPlaceWord removes a leading place-type word as written (with ة or ه).
func dropPlaceWord(s string) string {
	for _, w := range []string{"حي ", "مدينة ", "مدينه ", "بلدة ", "بلده ", "قرية ", "قريه ", "منطقة ", "منطقه ", "ناحية ", "ناحيه "} {
		if strings.HasPrefix(s, w) {
			return strings.TrimSpace(s[len(w):])
		}
	}
	return ""
}

// span is text[ev[0]:ev[1]] when that is a valid range, moved onto rune
// boundaries and trimmed; else "".
func span(text string, ev [2]int) string {
	s, e := ev[0], ev[1]
	if s < 0 || e > len(text) || s >= e {
		return ""
	}
	for s < e && !utf8.RuneStart(text[s]) {
		s++
	}
	for e < len(text) && e > s && !utf8.RuneStart(text[e]) {
		e--
	}
	return strings.TrimSpace(text[s:e])
}

func sentenceEnd(r rune) bool {
	switch r {
	case '.', '!', '?', '؟', '\n', '۔', '…':
		return true
	}
	return false
}

// sentenceAt widens [i, j) of text to the sentence around it, at most
// maxSide bytes either way.
func sentenceAt(text string, i, j int) [2]int {
	const maxSide = 600
	s := i
	for s > 0 && i-s < maxSide {
		r, n := utf8.DecodeLastRuneInString(text[:s])
		if sentenceEnd(r) {
			break
		}
		s -= n
	}
	e := j
	for e < len(text) && e-j < maxSide {
		r, n := utf8.DecodeRuneInString(text[e:])
		e += n
		if sentenceEnd(r) {
			break
		}
	}
	return [2]int{s, e}
}

// WriteErrors writes items readably: a header per document with its tally,
// then one entry per item with what the gold and the prediction say and the
// sentence in question.
func WriteErrors(w io.Writer, items []ErrorItem) error {
	var b strings.Builder
	for i := 0; i < len(items); {
		j := i
		for j < len(items) && items[j].Doc == items[i].Doc {
			j++
		}
		fmt.Fprintf(&b, "== %s (%s)\n", items[i].Doc, tally(items[i:j]))
		for _, it := range items[i:j] {
			writeItem(&b, it)
		}
		i = j
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func tally(items []ErrorItem) string {
	var kinds []string
	n := map[string]int{}
	for _, it := range items {
		if n[it.Kind] == 0 {
			kinds = append(kinds, it.Kind)
		}
		n[it.Kind]++
	}
	parts := make([]string, len(kinds))
	for i, k := range kinds {
		parts[i] = fmt.Sprintf("%s %d", k, n[k])
	}
	return strings.Join(parts, ", ")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func alts(list []string) string {
	if len(list) == 0 {
		return "*"
	}
	return strings.Join(list, "|")
}

func describeGold(ge *GoldEvent) string {
	return fmt.Sprintf("%s/%s at %s  actor1 %s  actor2 %s  date %s",
		ge.Type, alts(ge.Subtype), alts(ge.Place), alts(ge.Actor1), alts(ge.Actor2), orDash(ge.Date))
}

func describePred(pe *PredEvent) string {
	place := pe.Place.Name
	if pe.Place.Text != "" && pe.Place.Text != pe.Place.Name {
		place += " (" + pe.Place.Text + ")"
	}
	return fmt.Sprintf("%s/%s at %s  actor1 %s  actor2 %s  date %s  (line %d)",
		orDash(pe.Type), orDash(pe.Subtype), orDash(place), orDash(pe.Actor1.ID), orDash(pe.Actor2.ID), orDash(pe.Date), pe.Line)
}

func describe(v any) string {
	switch x := v.(type) {
	case *GoldEvent:
		return describeGold(x)
	case *PredEvent:
		return describePred(x)
	case Casualty:
		return fmt.Sprintf("%s killed %d", x.Group, x.Killed)
	case PredFatality:
		g := "null"
		if x.Group != nil {
			g = *x.Group
		}
		k := "?"
		if x.Killed != nil {
			k = fmt.Sprint(*x.Killed)
		}
		return fmt.Sprintf("%s killed %s", g, k)
	case string:
		return x
	case nil:
		return "-"
	}
	return fmt.Sprint(v)
}

func writeItem(b *strings.Builder, it ErrorItem) {
	fmt.Fprintf(b, "  %-14s", it.Kind)
	ge, _ := it.Gold.(*GoldEvent)
	pe, _ := it.Pred.(*PredEvent)
	switch {
	case it.Kind == KindMissed && ge != nil:
		fmt.Fprintf(b, "%s\n", describeGold(ge))
		if pe != nil {
			fmt.Fprintf(b, "  %14s%s: %s\n", "", it.Note, describePred(pe))
		}
	case it.Kind == KindWrongSubtype && ge != nil && pe != nil:
		fmt.Fprintf(b, "%s at %s: predicted %s, gold accepts %s  (line %d)\n", ge.Type, alts(ge.Place), orDash(pe.Subtype), alts(ge.Subtype), pe.Line)
	case it.Kind == KindWrongActor1 && ge != nil && pe != nil:
		fmt.Fprintf(b, "%s at %s: predicted %s, gold accepts %s  (line %d)\n", ge.Type, alts(ge.Place), orDash(pe.Actor1.ID), alts(ge.Actor1), pe.Line)
	case it.Kind == KindWrongDate && ge != nil && pe != nil:
		fmt.Fprintf(b, "%s at %s: predicted %s, gold %s ±1 day  (line %d)\n", ge.Type, alts(ge.Place), orDash(pe.Date), ge.Date, pe.Line)
	case it.Gold != nil:
		fmt.Fprintf(b, "%s\n", describe(it.Gold))
	default:
		fmt.Fprintf(b, "%s\n", describe(it.Pred))
	}
	if it.Sentence != "" {
		fmt.Fprintf(b, "  %14s[%d:%d] %s\n", "", it.Evidence[0], it.Evidence[1], oneLine(it.Sentence, 400))
	}
}

// oneLine folds whitespace runs to spaces and cuts s to max runes.
func oneLine(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max]) + "…"
}
