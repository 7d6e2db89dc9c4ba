package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Gold is one line of a gold file (spec "Gold files").
type Gold struct {
	Doc        string      `json:"doc"`
	Toponyms   GoldNames   `json:"toponyms"`
	Events     []GoldEvent `json:"events"`
	Casualties []Casualty  `json:"casualties"`
	Cited      []string    `json:"cited"`
	Line       int         `json:"-"` // line of the gold file, from 1
}

// GoldNames are the places of a gold document: those a system must find
// and those it may find.
type GoldNames struct {
	Required []string `json:"required"`
	Optional []string `json:"optional"`
}

// GoldEvent is one gold event; every list holds all acceptable answers and
// an empty Subtype, Actor1 or Actor2 list is not scored.
type GoldEvent struct {
	Type     string   `json:"type"`
	Subtype  []string `json:"subtype"`
	Actor1   []string `json:"actor1"`
	Actor2   []string `json:"actor2"`
	Place    []string `json:"place"`
	Date     string   `json:"date,omitempty"` // "" when the gold has none
	Optional bool     `json:"optional"`
}

// Casualty is one gold (group, killed) figure.
type Casualty struct {
	Group  string `json:"group"`
	Killed int64  `json:"killed"`
}

// Pred is what an export says about one document: its document record (if
// any) and its event records, in file order.
type Pred struct {
	Doc         string      `json:"doc"`
	HasDocument bool        `json:"-"` // a document record was read
	Title       string      `json:"title,omitempty"`
	Outlet      string      `json:"outlet,omitempty"`
	Published   string      `json:"published,omitempty"`
	Toponyms    []string    `json:"toponyms"`
	Cited       []string    `json:"cited"`
	Events      []PredEvent `json:"events"`
}

// PredEvent is one event record of the export, reduced to what the scorer
// reads. Scalars the export gives with another JSON type than a string read
// as "" (they can never be right), as score.py's comparisons treat them.
type PredEvent struct {
	Type       string         `json:"type"`
	Subtype    string         `json:"subtype"`
	Actor1     PredActor      `json:"actor1"`
	Actor2     PredActor      `json:"actor2"`
	Place      PredPlace      `json:"place"`
	Date       string         `json:"date,omitempty"`
	Fatalities []PredFatality `json:"fatalities,omitempty"`
	Cited      []string       `json:"cited,omitempty"`
	Evidence   [2]int         `json:"evidence"` // byte offsets [start, end) into the clean text
	Line       int            `json:"-"`        // line of the export, from 1
}

// PredActor is an actor as exported: an object {"id", "text"} or a bare id.
type PredActor struct {
	ID   string `json:"id"`
	Text string `json:"text,omitempty"`
}

// PredPlace is an event's place. Bare means the export gave the place as a
// plain string (held in Name); score.py then keeps it even when it
// normalizes to "".
type PredPlace struct {
	Name string `json:"name"`
	Text string `json:"text,omitempty"`
	Bare bool   `json:"-"`
}

// PredFatality is one killed figure of an event; Group is nil when the
// export gives null or nothing, Killed is nil when it is null or absent
// (then the figure is not scored).
type PredFatality struct {
	Group     *string `json:"group"`
	Killed    *int64  `json:"killed"`
	Qualifier string  `json:"qualifier,omitempty"`
}

// jsonLines calls fn with every non-blank line of r and its number. Lines
// end at \n, \r\n or \r (Python's universal newlines); a line is blank when
// it holds only whitespace; a UTF-8 byte order mark at the start is skipped.
func jsonLines(r io.Reader, fn func(n int, line []byte) error) error {
	br := bufio.NewReaderSize(r, 1<<16)
	n := 0
	first := true
	for {
		chunk, err := br.ReadBytes('\n')
		if len(chunk) > 0 {
			if first {
				chunk = bytes.TrimPrefix(chunk, []byte("\uFEFF"))
				first = false
			}
			chunk = bytes.TrimSuffix(chunk, []byte("\n"))
			chunk = bytes.TrimSuffix(chunk, []byte("\r"))
			for _, line := range bytes.Split(chunk, []byte("\r")) {
				n++
				if !utf8.Valid(line) {
					return fmt.Errorf("line %d: invalid UTF-8", n)
				}
				if blank(line) {
					continue
				}
				if e := fn(n, line); e != nil {
					return fmt.Errorf("line %d: %w", n, e)
				}
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("after line %d: %w", n, err)
		}
	}
}

func blank(line []byte) bool {
	for _, r := range string(line) {
		if !pySpace(r) {
			return false
		}
	}
	return true
}

// object parses a line as a JSON object.
func object(line []byte) (map[string]json.RawMessage, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(line, &m); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return nil, fmt.Errorf("not a JSON object")
		}
		return nil, fmt.Errorf("bad JSON: %v", err)
	}
	if m == nil {
		return nil, fmt.Errorf("not a JSON object")
	}
	return m, nil
}

// kind is the JSON type of raw: 0 for absent, else its first byte ('"',
// '{', '[', 't', 'f', 'n', or '0' for numbers).
func kind(raw json.RawMessage) byte {
	raw = bytes.TrimLeft(raw, " \t\r\n")
	if len(raw) == 0 {
		return 0
	}
	switch c := raw[0]; c {
	case '"', '{', '[', 't', 'f', 'n':
		return c
	}
	return '0'
}

func null(raw json.RawMessage) bool { k := kind(raw); return k == 0 || k == 'n' }

// looseString is raw's value when it is a JSON string, else "".
func looseString(raw json.RawMessage) string {
	if kind(raw) != '"' {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return ""
	}
	return s
}

// strictString reads a required JSON string.
func strictString(raw json.RawMessage, field string) (string, error) {
	switch kind(raw) {
	case 0:
		return "", fmt.Errorf("no %q", field)
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", fmt.Errorf("%s: %v", field, err)
		}
		return s, nil
	}
	return "", fmt.Errorf("%s: want a string, got %s", field, clip(raw))
}

// stringList reads a list of strings; null elements read as "" (score.py
// normalizes them to ""), a null or absent list as nil.
func stringList(raw json.RawMessage, field string) ([]string, error) {
	if null(raw) {
		return nil, nil
	}
	if kind(raw) != '[' {
		return nil, fmt.Errorf("%s: want a list of strings, got %s", field, clip(raw))
	}
	var elems []json.RawMessage
	if err := json.Unmarshal(raw, &elems); err != nil {
		return nil, fmt.Errorf("%s: %v", field, err)
	}
	out := make([]string, len(elems))
	for i, e := range elems {
		switch kind(e) {
		case 'n':
		case '"':
			out[i] = looseString(e)
		default:
			return nil, fmt.Errorf("%s[%d]: want a string, got %s", field, i, clip(e))
		}
	}
	return out, nil
}

// objectList reads a list of JSON objects (null or absent: nil).
func objectList(raw json.RawMessage, field string) ([]map[string]json.RawMessage, error) {
	if null(raw) {
		return nil, nil
	}
	if kind(raw) != '[' {
		return nil, fmt.Errorf("%s: want a list of objects, got %s", field, clip(raw))
	}
	var elems []json.RawMessage
	if err := json.Unmarshal(raw, &elems); err != nil {
		return nil, fmt.Errorf("%s: %v", field, err)
	}
	out := make([]map[string]json.RawMessage, len(elems))
	for i, e := range elems {
		if kind(e) != '{' {
			return nil, fmt.Errorf("%s[%d]: want an object, got %s", field, i, clip(e))
		}
		if err := json.Unmarshal(e, &out[i]); err != nil {
			return nil, fmt.Errorf("%s[%d]: %v", field, i, err)
		}
	}
	return out, nil
}

// pyInt is Python's int() of a JSON value: numbers truncate toward zero,
// booleans are 0 and 1, strings hold a decimal integer (ASCII or
// Arabic-Indic digits, surrounding whitespace and _ separators allowed).
func pyInt(raw json.RawMessage, field string) (int64, error) {
	switch kind(raw) {
	case 't':
		return 1, nil
	case 'f':
		return 0, nil
	case '0':
		var f float64
		if err := json.Unmarshal(raw, &f); err != nil {
			return 0, fmt.Errorf("%s: %v", field, err)
		}
		if math.IsNaN(f) || math.Abs(f) >= 1<<63 {
			return 0, fmt.Errorf("%s: %s is out of range", field, clip(raw))
		}
		if i, err := strconv.ParseInt(strings.TrimSpace(string(raw)), 10, 64); err == nil {
			return i, nil // exact beyond 2^53
		}
		return int64(f), nil
	case '"':
		s := looseString(raw)
		if i, ok := parseIntString(s); ok {
			return i, nil
		}
		return 0, fmt.Errorf("%s: %q is not an integer", field, s)
	}
	return 0, fmt.Errorf("%s: want a number, got %s", field, clip(raw))
}

func parseIntString(s string) (int64, bool) {
	s = strings.TrimFunc(s, pySpace)
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	var v int64
	nd := 0
	prevUnderscore := true // no leading _
	for _, r := range s {
		d := -1
		switch {
		case r >= '0' && r <= '9':
			d = int(r - '0')
		case r >= '٠' && r <= '٩':
			d = int(r - '٠')
		case r >= '۰' && r <= '۹':
			d = int(r - '۰')
		case r == '_' && !prevUnderscore:
			prevUnderscore = true
			continue
		}
		if d < 0 || v > (math.MaxInt64-int64(d))/10 {
			return 0, false
		}
		v = v*10 + int64(d)
		nd++
		prevUnderscore = false
	}
	if nd == 0 || prevUnderscore {
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}

// clip shows a JSON value in an error message.
func clip(raw json.RawMessage) string {
	s := strings.TrimSpace(string(raw))
	if utf8.RuneCountInString(s) > 40 {
		r := []rune(s)
		s = string(r[:40]) + "…"
	}
	return s
}

// ReadGold reads a gold file (JSON Lines, one document a line). Blank lines
// are skipped; an error names the line and the field that is wrong.
func ReadGold(r io.Reader) ([]Gold, error) {
	var out []Gold
	err := jsonLines(r, func(n int, line []byte) error {
		g, err := parseGold(line)
		if err != nil {
			return err
		}
		g.Line = n
		out = append(out, g)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("gold %w", err)
	}
	return out, nil
}

func parseGold(line []byte) (Gold, error) {
	var g Gold
	m, err := object(line)
	if err != nil {
		return g, err
	}
	if g.Doc, err = strictString(m["doc"], "doc"); err != nil {
		return g, err
	}
	if t := m["toponyms"]; !null(t) {
		if kind(t) != '{' {
			return g, fmt.Errorf("toponyms: want an object {required, optional}, got %s", clip(t))
		}
		var tm map[string]json.RawMessage
		if err := json.Unmarshal(t, &tm); err != nil {
			return g, fmt.Errorf("toponyms: %v", err)
		}
		if g.Toponyms.Required, err = stringList(tm["required"], "toponyms.required"); err != nil {
			return g, err
		}
		if g.Toponyms.Optional, err = stringList(tm["optional"], "toponyms.optional"); err != nil {
			return g, err
		}
	}
	evs, err := objectList(m["events"], "events")
	if err != nil {
		return g, err
	}
	for i, em := range evs {
		e, err := parseGoldEvent(em)
		if err != nil {
			return g, fmt.Errorf("events[%d].%v", i, err)
		}
		g.Events = append(g.Events, e)
	}
	cas, err := objectList(m["casualties"], "casualties")
	if err != nil {
		return g, err
	}
	for i, cm := range cas {
		var c Casualty
		if c.Group, err = strictString(cm["group"], "group"); err != nil {
			return g, fmt.Errorf("casualties[%d].%v", i, err)
		}
		if null(cm["killed"]) {
			return g, fmt.Errorf("casualties[%d]: no \"killed\"", i)
		}
		if c.Killed, err = pyInt(cm["killed"], "killed"); err != nil {
			return g, fmt.Errorf("casualties[%d].%v", i, err)
		}
		g.Casualties = append(g.Casualties, c)
	}
	if g.Cited, err = stringList(m["cited"], "cited"); err != nil {
		return g, err
	}
	return g, nil
}

func parseGoldEvent(m map[string]json.RawMessage) (GoldEvent, error) {
	var e GoldEvent
	var err error
	if e.Type, err = strictString(m["type"], "type"); err != nil {
		return e, err
	}
	if e.Type == "" {
		return e, fmt.Errorf("type: empty")
	}
	for _, f := range []struct {
		name string
		dst  *[]string
	}{{"subtype", &e.Subtype}, {"actor1", &e.Actor1}, {"actor2", &e.Actor2}} {
		if *f.dst, err = stringList(m[f.name], f.name); err != nil {
			return e, err
		}
		for i, s := range *f.dst {
			if s == "" {
				return e, fmt.Errorf("%s[%d]: empty", f.name, i)
			}
		}
	}
	if e.Place, err = stringList(m["place"], "place"); err != nil {
		return e, err
	}
	switch d := m["date"]; kind(d) {
	case 0, 'n':
	case '"':
		e.Date = looseString(d)
	default:
		return e, fmt.Errorf("date: want an ISO date or null, got %s", clip(d))
	}
	switch o := m["optional"]; kind(o) {
	case 0, 'n', 'f':
	case 't':
		e.Optional = true
	default:
		return e, fmt.Errorf("optional: want true or false, got %s", clip(o))
	}
	return e, nil
}

// ReadPred reads an export (JSON Lines of "document" and "event" records,
// spec "Records of the JSONL export") into one Pred per document id. A
// record without "record" is an event; records of other kinds are skipped;
// unknown fields are ignored. A later document record of the same id
// replaces the earlier one; events accumulate in file order. An error names
// the line and what is wrong.
func ReadPred(r io.Reader) (map[string]*Pred, error) {
	out := map[string]*Pred{}
	get := func(doc string) *Pred {
		p := out[doc]
		if p == nil {
			p = &Pred{Doc: doc}
			out[doc] = p
		}
		return p
	}
	err := jsonLines(r, func(n int, line []byte) error {
		m, err := object(line)
		if err != nil {
			return err
		}
		rec := "event"
		if raw, ok := m["record"]; ok {
			rec = looseString(raw)
			if kind(raw) != '"' {
				rec = "" // null or another type: neither kind
			}
		}
		switch rec {
		case "document":
			doc, err := strictString(m["doc"], "doc")
			if err != nil {
				return fmt.Errorf("document record: %v", err)
			}
			p := get(doc)
			p.HasDocument = true
			p.Title, p.Outlet, p.Published = looseString(m["title"]), looseString(m["outlet"]), looseString(m["published"])
			if p.Toponyms, err = looseList(m["toponyms"], "toponyms"); err != nil {
				return fmt.Errorf("document record: %v", err)
			}
			if p.Cited, err = looseList(m["cited"], "cited"); err != nil {
				return fmt.Errorf("document record: %v", err)
			}
		case "event":
			doc, err := strictString(m["doc"], "doc")
			if err != nil {
				return fmt.Errorf("event record: %v", err)
			}
			e, err := parsePredEvent(m)
			if err != nil {
				return fmt.Errorf("event record: %v", err)
			}
			e.Line = n
			p := get(doc)
			p.Events = append(p.Events, e)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("pred %w", err)
	}
	return out, nil
}

func parsePredEvent(m map[string]json.RawMessage) (PredEvent, error) {
	e := PredEvent{
		Type:    looseString(m["type"]),
		Subtype: looseString(m["subtype"]),
		Actor1:  parseActor(m["actor1"]),
		Actor2:  parseActor(m["actor2"]),
		Date:    looseString(m["date"]),
	}
	switch pl := m["place"]; kind(pl) {
	case '"':
		if s := looseString(pl); s != "" {
			e.Place = PredPlace{Name: s, Bare: true}
		}
	case '{':
		var pm map[string]json.RawMessage
		if json.Unmarshal(pl, &pm) == nil {
			e.Place = PredPlace{Name: looseString(pm["name"]), Text: looseString(pm["text"])}
		}
	}
	var err error
	if e.Cited, err = looseList(m["cited"], "cited"); err != nil {
		return e, err
	}
	fat := m["fatalities"]
	if falsy(fat) {
		fat = nil // score.py reads no fatalities
	}
	fas, err := objectList(fat, "fatalities")
	if err != nil {
		return e, err
	}
	for i, fm := range fas {
		var f PredFatality
		switch g := fm["group"]; kind(g) {
		case 0, 'n':
		case '"':
			s := looseString(g)
			f.Group = &s
		default:
			return e, fmt.Errorf("fatalities[%d].group: want a string or null, got %s", i, clip(g))
		}
		if k := fm["killed"]; !null(k) {
			v, err := pyInt(k, "killed")
			if err != nil {
				return e, fmt.Errorf("fatalities[%d].%v", i, err)
			}
			f.Killed = &v
		}
		f.Qualifier = looseString(fm["qualifier"])
		e.Fatalities = append(e.Fatalities, f)
	}
	if ev := m["evidence"]; kind(ev) == '{' {
		var span struct {
			Start, End json.RawMessage
		}
		if json.Unmarshal(ev, &span) == nil {
			e.Evidence = [2]int{looseInt(span.Start), looseInt(span.End)}
		}
	}
	return e, nil
}

// looseList reads a list of strings where score.py takes any falsy JSON
// value (null, false, 0, "", [], {}) for none.
func looseList(raw json.RawMessage, field string) ([]string, error) {
	if falsy(raw) {
		return nil, nil
	}
	return stringList(raw, field)
}

// falsy reports whether Python's truth test fails on raw (absent included).
func falsy(raw json.RawMessage) bool {
	switch kind(raw) {
	case 0, 'n', 'f':
		return true
	case '"':
		return looseString(raw) == ""
	case '0':
		var f float64
		return json.Unmarshal(raw, &f) == nil && f == 0
	case '[', '{':
		t := bytes.TrimSpace(raw)
		inner := bytes.TrimSpace(t[1 : len(t)-1])
		return len(inner) == 0
	}
	return false
}

func parseActor(raw json.RawMessage) PredActor {
	switch kind(raw) {
	case '"':
		return PredActor{ID: looseString(raw)}
	case '{':
		var m map[string]json.RawMessage
		if json.Unmarshal(raw, &m) == nil {
			return PredActor{ID: looseString(m["id"]), Text: looseString(m["text"])}
		}
	}
	return PredActor{}
}

func looseInt(raw json.RawMessage) int {
	var f float64
	if kind(raw) != '0' || json.Unmarshal(raw, &f) != nil || math.Abs(f) > 1<<40 {
		return 0
	}
	return int(f)
}
