package eval

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestReadGoldErrors(t *testing.T) {
	cases := []struct{ in, want string }{
		{"{\"doc\":\"a\"}\n[1,2]", "gold line 2: not a JSON object"},
		{"\n\n{\"doc\":\"a\"", "gold line 3: bad JSON"},
		{`{"toponyms":{}}`, `gold line 1: no "doc"`},
		{`{"doc":5}`, "gold line 1: doc: want a string, got 5"},
		{`{"doc":"a","toponyms":["x"]}`, "toponyms: want an object"},
		{`{"doc":"a","toponyms":{"required":"حلب"}}`, "toponyms.required: want a list of strings"},
		{`{"doc":"a","toponyms":{"optional":[1]}}`, "toponyms.optional[0]: want a string, got 1"},
		{`{"doc":"a","events":{}}`, "events: want a list of objects"},
		{`{"doc":"a","events":[{"place":["x"]}]}`, `events[0].no "type"`},
		{`{"doc":"a","events":[{"type":""}]}`, "events[0].type: empty"},
		{`{"doc":"a","events":[{"type":"battles","subtype":"armed_clash"}]}`, "events[0].subtype: want a list of strings"},
		{`{"doc":"a","events":[{"type":"battles","actor1":["sdf",""]}]}`, "events[0].actor1[1]: empty"},
		{`{"doc":"a","events":[{"type":"battles","date":20170101}]}`, "events[0].date: want an ISO date or null"},
		{`{"doc":"a","events":[{"type":"battles","optional":"yes"}]}`, "events[0].optional: want true or false"},
		{`{"doc":"a","casualties":[{"killed":3}]}`, `casualties[0].no "group"`},
		{`{"doc":"a","casualties":[{"group":"sdf"}]}`, `casualties[0]: no "killed"`},
		{`{"doc":"a","casualties":[{"group":"sdf","killed":"many"}]}`, `casualties[0].killed: "many" is not an integer`},
		{`{"doc":"a","cited":"سانا"}`, "cited: want a list of strings"},
		{"{\"doc\":\"\xff\"}", "gold line 1: invalid UTF-8"},
	}
	for _, c := range cases {
		_, err := ReadGold(strings.NewReader(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ReadGold(%q) error = %v, want it to contain %q", c.in, err, c.want)
		}
	}
}

func TestReadGold(t *testing.T) {
	in := "\ufeff{\"doc\":\"a\",\"toponyms\":{\"required\":[\"حلب\",null]},\"events\":[{\"type\":\"battles\",\"subtype\":null,\"place\":[\"حلب\"],\"date\":null,\"optional\":true}],\"casualties\":[{\"group\":\"sdf\",\"killed\":2.7},{\"group\":\"hts\",\"killed\":\" ١٢ \"}],\"extra\":1}\r\n\r\n{\"doc\":\"b\"}"
	got, err := ReadGold(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Gold{
		{Doc: "a", Line: 1, Toponyms: GoldNames{Required: []string{"حلب", ""}},
			Events:     []GoldEvent{{Type: "battles", Place: []string{"حلب"}, Optional: true}},
			Casualties: []Casualty{{"sdf", 2}, {"hts", 12}}},
		{Doc: "b", Line: 3},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestReadPred(t *testing.T) {
	f, err := os.Open("testdata/pred.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pred, err := ReadPred(f)
	if err != nil {
		t.Fatal(err)
	}
	var docs []string
	for d := range pred {
		docs = append(docs, d)
	}
	if len(pred) != 5 {
		t.Errorf("docs %v, want a-1 c-3 d-4 e-5 f-6", docs)
	}
	a := pred["a-1"]
	if !a.HasDocument || len(a.Events) != 5 || a.Published != "2017-10-29" {
		t.Fatalf("a-1: %+v", a)
	}
	e2 := a.Events[1]
	if e2.Place != (PredPlace{Name: "مدينة الميادين", Bare: true}) || e2.Actor1.ID != "russia" || e2.Line != 3 {
		t.Errorf("bare place and actor: %+v", e2)
	}
	if e := a.Events[0]; e.Evidence[0] != 0 || e.Evidence[1] <= 0 || *e.Fatalities[0].Killed != 50 || *e.Fatalities[0].Group != "islamic_state" {
		t.Errorf("evidence and fatalities: %+v", e)
	}
	e5 := pred["e-5"]
	if len(e5.Events) != 7 { // the "note" and record:null lines are skipped
		t.Errorf("e-5 has %d events, want 7", len(e5.Events))
	}
	if e := e5.Events[1]; *e.Fatalities[0].Killed != 12 || e.Fatalities[1].Killed != nil {
		t.Errorf("string and null killed: %+v", e.Fatalities)
	}
	if e := e5.Events[2]; e.Fatalities[0].Group != nil {
		t.Errorf("null group: %+v", e.Fatalities)
	}
	if e := e5.Events[4]; e.Date != "" {
		t.Errorf("numeric date read as %q, want \"\"", e.Date)
	}
	if d := pred["d-4"]; !d.HasDocument || len(d.Events) != 0 {
		t.Errorf("d-4: %+v", d)
	}
}

func TestReadPredErrors(t *testing.T) {
	cases := []struct{ in, want string }{
		{`{"record":"document","title":"x"}`, `pred line 1: document record: no "doc"`},
		{"\n{\"type\":\"battles\"}", `pred line 2: event record: no "doc"`},
		{`{"doc":"a","fatalities":[3]}`, "event record: fatalities[0]: want an object, got 3"},
		{`{"doc":"a","fatalities":[{"group":1,"killed":3}]}`, "fatalities[0].group: want a string or null"},
		{`{"doc":"a","fatalities":[{"killed":"3.5"}]}`, `fatalities[0].killed: "3.5" is not an integer`},
		{`{"doc":"a","fatalities":[{"killed":1e300}]}`, "fatalities[0].killed: 1e300 is out of range"},
		{`{"record":"document","doc":"a","toponyms":"حلب"}`, "toponyms: want a list of strings"},
		{`"x"`, "pred line 1: not a JSON object"},
		{`{"doc":"a"} {}`, "pred line 1: bad JSON"},
	}
	for _, c := range cases {
		_, err := ReadPred(strings.NewReader(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ReadPred(%q) error = %v, want it to contain %q", c.in, err, c.want)
		}
	}
}

func TestParseIntString(t *testing.T) {
	cases := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"12", 12, true}, {" -3 ", -3, true}, {"+7", 7, true}, {"١٢", 12, true}, {"۱۲", 12, true},
		{"1_000", 1000, true}, {"_1", 0, false}, {"1_", 0, false}, {"1__0", 0, false}, {"", 0, false},
		{"1.5", 0, false}, {"abc", 0, false}, {"99999999999999999999", 0, false}, {"-", 0, false},
	}
	for _, c := range cases {
		got, ok := parseIntString(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("parseIntString(%q) = %d, %v; want %d, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}
