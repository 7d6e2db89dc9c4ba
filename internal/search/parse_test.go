package search

import (
	"errors"
	"regexp"
	"strings"
	"testing"
)

// expand replaces every {word} in tmpl with the word's search key, so the
// expectations hold whatever the stemmer makes of the words.
func expand(tmpl string) string {
	return regexp.MustCompile(`\{[^}]*\}`).ReplaceAllStringFunc(tmpl, func(m string) string {
		return keyOf(m[1 : len(m)-1])
	})
}

func TestParse(t *testing.T) {
	tests := []struct {
		query string
		match string
		keys  string // expanded, space-separated
	}{
		{"مدني", `"{مدني}"`, "{مدني}"},
		{"المدنيين", `"{مدني}"`, "{مدني}"},
		{"قصف مدنيين", `"{قصف}" AND "{مدنيين}"`, "{قصف} {مدنيين}"},
		{"  قصف،   مدنيين؟ ", `"{قصف}" AND "{مدنيين}"`, "{قصف} {مدنيين}"},
		// the article rule, both ways
		{"دير الزور", `(("{دير}" AND "{الزور}") OR "{ديرالزور}")`, "{دير} {الزور} {ديرالزور}"},
		{"ديرالزور", `("{ديرالزور}" OR "{دير} {الزور}")`, "{ديرالزور} {دير} {الزور}"},
		{"عبدالله", `("{عبدالله}" OR "{عبد} {الله}")`, "{عبدالله} {عبد} {الله}"},
		{"ريف دير الزور", `"{ريف}" AND (("{دير}" AND "{الزور}") OR "{ديرالزور}")`, "{ريف} {دير} {الزور} {ديرالزور}"},
		{"الاحتلال", `"{الاحتلال}"`, "{الاحتلال}"},     // ال at the end: no split
		{"بالقصف", `"{بالقصف}"`, "{بالقصف}"},           // ال after one letter: a clitic
		{"دير ال", `"{دير}" AND "{ال}"`, "{دير} {ال}"}, // too short to join
		// phrases
		{`"دير الزور"`, `("{دير} {الزور}" OR "{ديرالزور}")`, "{دير} {الزور} {ديرالزور}"},
		{`"قصف ريف دير الزور"`, `("{قصف} {ريف} {دير} {الزور}" OR "{قصف} {ريف} {ديرالزور}")`, "{قصف} {ريف} {دير} {الزور} {ديرالزور}"},
		{`«قصف مدفعي»`, `"{قصف} {مدفعي}"`, "{قصف} {مدفعي}"},
		{`“قصف مدفعي”`, `"{قصف} {مدفعي}"`, "{قصف} {مدفعي}"},
		{`"ريف ديرالزور"`, `("{ريف} {ديرالزور}" OR "{ريف} {دير} {الزور}")`, "{ريف} {ديرالزور} {دير} {الزور}"},
		{`"قصف مدفعي`, `"{قصف} {مدفعي}"`, "{قصف} {مدفعي}"}, // unclosed quote
		{`covid-19`, `"covid 19"`, "covid 19"},
		// operators
		{"قصف OR غارة", `("{قصف}" OR "{غارة}")`, "{قصف} {غارة}"},
		{"قصف -تركيا", `("{قصف}") NOT "{تركيا}"`, "{قصف}"},
		{"قصف -", `"{قصف}"`, "{قصف}"},
		// function words
		{"قصف على دير الزور", `"{قصف}" AND (("{دير}" AND "{الزور}") OR "{ديرالزور}")`, "{قصف} {دير} {الزور} {ديرالزور}"},
		{"في", `"{في}"`, "{في}"},
		{`"قصف في المدينة"`, `("{قصف} {في} {المدينة}" OR "{قصف} {فيالمدينة}")`, "{قصف} {في} {المدينة} {فيالمدينة}"},
		// FTS syntax in user input is only text
		{`قصف AND NOT (x*) NEAR: ^"`, `"{قصف}" AND "and" AND "not" AND "x" AND "near"`, "{قصف} and not x near"},
		{`keys:قصف`, `"keys {قصف}"`, "keys {قصف}"},
	}
	for _, tc := range tests {
		match, terms, err := Parse(tc.query)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.query, err)
			continue
		}
		if want := expand(tc.match); match != want {
			t.Errorf("Parse(%q)\n got %s\nwant %s", tc.query, match, want)
		}
		if want := expand(tc.keys); strings.Join(terms.Keys, " ") != want {
			t.Errorf("Parse(%q) keys %q, want %q", tc.query, terms.Keys, want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, q := range []string{"", "   ", "،؟!", `""`, "-قصف", "OR", strings.Repeat("قصف ", MaxTerms+1)} {
		if m, _, err := Parse(q); err == nil {
			t.Errorf("Parse(%q) = %s, want an error", q, m)
		} else if q != strings.Repeat("قصف ", MaxTerms+1) && !errors.Is(err, ErrEmptyQuery) {
			t.Errorf("Parse(%q): %v, want ErrEmptyQuery", q, err)
		}
	}
}

func TestTermsHas(t *testing.T) {
	_, terms, _ := Parse("المدنيين")
	if !terms.Has(keyOf("مدني")) || terms.Has("x") {
		t.Errorf("Has: %v", terms)
	}
}
