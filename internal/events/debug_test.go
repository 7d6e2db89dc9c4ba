// Debug aids for working on the rules against real reports; every test
// here is skipped unless its environment variable is set.

package events

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rasad/internal/dates"
	"rasad/internal/document"
	"rasad/internal/source"
)

// TestDumpDev prints the mentions of one dev document (debug aid; set
// RASAD_DUMP=doc-id to run).
func TestDumpDev(t *testing.T) {
	id := os.Getenv("RASAD_DUMP")
	if id == "" {
		t.Skip("set RASAD_DUMP=doc-id to dump a dev document")
	}
	p := filepath.Join("..", "..", "..", "shared", "corpus", "dev", "docs", id+".txt")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Skip("../shared not present: ", err)
	}
	d, err := document.Build(source.Record{ID: id, Body: b})
	if err != nil {
		t.Fatal(err)
	}
	x := NewExtractor()
	r := x.Analyze(d, Options{})
	fmt.Println("PUBLISHED", d.Published, "DATELINE", d.Dateline)
	for _, s := range r.Analysis.Sentences {
		st := d.Text[s.Start:s.End]
		fmt.Printf("\n[S %d-%d] %s\n", s.Start, s.End, st)
		for _, m := range r.Actors {
			if m.Start >= s.Start && m.End <= s.End {
				fmt.Printf("   ACTOR %q id=%s kind=%s group=%s\n", m.Text, m.ID, m.Kind, m.Group)
			}
		}
		for _, m := range r.Sources {
			if m.Start >= s.Start && m.End <= s.End {
				fmt.Printf("   SOURCE %q\n", m.Text)
			}
		}
		for _, m := range r.Places {
			if m.Start >= s.Start && m.End <= s.End {
				fmt.Printf("   PLACE %q name=%s cue=%s prec=%d\n", m.Text, m.Name, m.Cue, m.GeoPrecision)
			}
		}
	}
	for _, e := range dates.Find(d.Text) {
		fmt.Printf("DATE %q kind=%v %d-%d-%d off=%d since=%v\n", e.Text, e.Kind, e.Year, e.Month, e.Day, e.OffsetDays, e.Since)
	}
	for _, ev := range r.Events {
		fmt.Println("EVENT", ev.Type, ev.Subtype, ev.Place.Name, strings.TrimSpace(ev.Trigger))
	}
}

// TestDumpFrames prints the frames of one dev document (RASAD_FRAMES=doc-id).
func TestDumpFrames(t *testing.T) {
	id := os.Getenv("RASAD_FRAMES")
	if id == "" {
		t.Skip("set RASAD_FRAMES=doc-id")
	}
	p := filepath.Join("..", "..", "..", "shared", "corpus", "dev", "docs", id+".txt")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Skip("../shared not present: ", err)
	}
	d, err := document.Build(source.Record{ID: id, Body: b})
	if err != nil {
		t.Fatal(err)
	}
	x := NewExtractor()
	r := x.Analyze(d, Options{})
	c := newContext(r, d.Raw, theLexicon())
	c.setAnchor()
	fmt.Println("ANCHOR", c.anchor, c.hasAnchor)
	fs := c.allFrames()
	last := -1
	for _, f := range fs {
		if f.sent != last {
			s := c.sens[f.sent]
			fmt.Printf("\n[S%d] %s\n", f.sent, d.Text[s.start:s.end])
			for _, g := range c.groups(f.sent) {
				var names []string
				for _, it := range g.items {
					names = append(names, it.t.Name)
				}
				fmt.Printf("   GROUP [%d-%d] %v intro=%q contained=%v origin=%v\n", g.a, g.b, names, g.intro, g.contained, g.origin)
			}
			last = f.sent
		}
		var pl []string
		for _, p := range f.places {
			pl = append(pl, p.t.Name)
		}
		fmt.Printf("   FRAME [%d-%d scope %d] %q fam=%s verb=%v cls=%v agent=%s/%s drop=%v(%s) att=%v places=%v\n", f.a, f.b, f.scopeEnd, d.Text[c.toks[f.a].Start:c.toks[f.b-1].End], f.fam, f.verb, f.classes, f.agentID, f.agent2ID, f.drop, f.why, f.attempt, pl)
	}
}

// TestDumpKills prints the killed counts of a dev document (RASAD_KILLS=doc-id).
func TestDumpKills(t *testing.T) {
	id := os.Getenv("RASAD_KILLS")
	if id == "" {
		t.Skip("set RASAD_KILLS=doc-id")
	}
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "corpus", "dev", "docs", id+".txt"))
	if err != nil {
		t.Skip("../shared not present: ", err)
	}
	d, _ := document.Build(source.Record{ID: id, Body: b})
	r := NewExtractor().Analyze(d, Options{})
	c := newContext(r, d.Raw, theLexicon())
	for si, s := range c.sens {
		ks := c.kills(si)
		var nums []string
		for _, n := range c.sentNums(si) {
			nums = append(nums, n.n.Text)
		}
		if len(nums) == 0 && len(ks) == 0 {
			continue
		}
		fmt.Printf("\n[S%d] %s\n   NUMS %q\n", si, d.Text[s.start:s.end], nums)
		for _, k := range ks {
			fmt.Printf("   KILL %q %d group=%q fighters=%v\n", k.text, k.value, k.group, k.fighters)
		}
	}
	for _, e := range r.Events {
		for _, f := range e.Fatalities {
			fmt.Println("EVENT FAT", e.Subtype, e.Place.Name, f.Group, f.Killed, f.Text)
		}
	}
}

// TestDumpEvidence adds the evidence sentence to every event of a JSONL
// export (RASAD_EVID=in.jsonl, docs under RASAD_EVDIR).
func TestDumpEvidence(t *testing.T) {
	in := os.Getenv("RASAD_EVID")
	if in == "" {
		t.Skip("set RASAD_EVID")
	}
	b, _ := os.ReadFile(in)
	texts := map[string]string{}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if json.Unmarshal([]byte(line), &m) != nil {
			continue
		}
		doc, _ := m["doc"].(string)
		if m["record"] == "document" {
			raw, err := os.ReadFile(filepath.Join(os.Getenv("RASAD_EVDIR"), doc+".txt"))
			if err == nil {
				d, err := document.Build(source.Record{ID: doc, Body: raw})
				if err == nil {
					texts[doc] = d.Text
				}
			}
			continue
		}
		ev, _ := m["evidence"].(map[string]any)
		st, _ := ev["start"].(float64)
		en, _ := ev["end"].(float64)
		if tx, ok := texts[doc]; ok && int(en) <= len(tx) {
			m["_sent"] = tx[int(st):int(en)]
		}
		nb, _ := json.Marshal(m)
		out = append(out, string(nb))
	}
	os.WriteFile(in+".ev", []byte(strings.Join(out, "\n")+"\n"), 0o644)
}

// TestTry runs the extractor over the lines of $RASAD_TRY (debug aid).
func TestTry(t *testing.T) {
	p := os.Getenv("RASAD_TRY")
	if p == "" {
		t.Skip("set RASAD_TRY=file")
	}
	b, _ := os.ReadFile(p)
	x := NewExtractor()
	for _, line := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		d, err := document.Build(source.Record{ID: "t", Body: []byte(line), Published: "2017-03-15"})
		if err != nil {
			fmt.Println("ERR", err)
			continue
		}
		r := x.Analyze(d, Options{})
		fmt.Println(">>", line)
		for _, e := range r.Events {
			a1, a2 := "", ""
			if e.Actor1 != nil {
				a1 = e.Actor1.ID
			}
			if e.Actor2 != nil {
				a2 = e.Actor2.ID
			}
			fs, _ := json.Marshal(e.Fatalities)
			dt := ""
			if e.Date != nil {
				dt = *e.Date
			}
			fmt.Printf("   %s/%s @%s a1=%s a2=%s %s fat=%s cited=%v\n", e.Type, e.Subtype, e.Place.Name, a1, a2, dt, fs, e.Cited)
		}
	}
}

// TestTryFrames prints the frames of the lines of $RASAD_TRYF (debug aid).
func TestTryFrames(t *testing.T) {
	p := os.Getenv("RASAD_TRYF")
	if p == "" {
		t.Skip("set RASAD_TRYF=file")
	}
	b, _ := os.ReadFile(p)
	x := NewExtractor()
	for _, line := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		d, _ := document.Build(source.Record{ID: "t", Body: []byte(line), Published: "2017-03-15"})
		r := x.Analyze(d, Options{})
		c := newContext(r, d.Raw, theLexicon())
		fmt.Println(">>", line)
		for _, p := range r.Places {
			fmt.Printf("   PLACE %q name=%s kind=%s cue=%s dir=%s\n", p.Text, p.Name, p.Kind, p.Cue, p.Direction)
		}
		for _, m := range r.Actors {
			fmt.Printf("   ACTOR %q %s %s\n", m.Text, m.ID, m.Kind)
		}
		for _, p := range c.places {
			fmt.Printf("   PREF %d-%d seat=%v inActor=%v usable=%v people=%v\n", p.a, p.b, c.seat(p), c.inActor(p), c.usable(p), c.peopleOf(p))
		}
		for si := range c.sens {
			for _, g := range c.groups(si) {
				fmt.Printf("   GROUP %d-%d intro=%q people=%v contained=%v origin=%v n=%d\n", g.a, g.b, g.intro, g.people, g.contained, g.origin, len(g.items))
			}
		}
		for _, f := range c.allFrames() {
			var pl []string
			for _, p := range f.places {
				pl = append(pl, p.t.Name)
			}
			fmt.Printf("   FRAME %q fam=%s cls=%v agent=%s/%s drop=%v(%s) places=%v\n", d.Text[c.toks[f.a].Start:c.toks[f.b-1].End], f.fam, f.classes, f.agentID, f.agent2ID, f.drop, f.why, pl)
		}
	}
}
