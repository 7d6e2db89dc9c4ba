package dates

import (
	"fmt"
	"testing"
	"time"
	"unicode/utf8"

	"rasad/internal/arabic"
)

func fuzzSeeds(f *testing.F) {
	for _, c := range findCases {
		f.Add(c.in)
	}
	for _, s := range []string{
		"", " ", "١٥/١١/٢٠١٧", "2017-11-15T21:24:00+03:00", "\xff\xfe أمس", "منذ", "قبل",
		"الأحد 21 كانون الثاني / يناير 2018 - 5 جمادى الأولى 1439 هـ",
		"اليوم، الاثنين الموافق لـ 9 تشرين الأول / أكتوبر من العام 2017 م صباحا",
		"بين 3 و", "الحادي", "الحادي و", "كانون", "ربيع", "ذو", "1439/2/", "15 . 11 .",
		"ﺃﻣﺲ", "أمـــس", "أَمْسِ",
	} {
		f.Add(s)
	}
}

// FuzzFind checks that Find never panics, that its spans are in range,
// ordered and disjoint with Text matching, that it agrees with FindTokens,
// and that Resolve accepts what it returns.
func FuzzFind(f *testing.F) {
	fuzzSeeds(f)
	anchor := time.Date(2017, 11, 15, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		got := Find(s)
		prev := 0
		for _, e := range got {
			if e.Start < prev || e.End <= e.Start || e.End > len(s) {
				t.Fatalf("bad span [%d,%d) after %d in %q", e.Start, e.End, prev, s)
			}
			if e.Text != s[e.Start:e.End] {
				t.Fatalf("Text %q != span %q", e.Text, s[e.Start:e.End])
			}
			prev = e.End
			if d, p, ok := Resolve(e, anchor); ok {
				if d.Hour() != 0 || d.Location() != time.UTC || p < Day || p > Month {
					t.Fatalf("Resolve(%q) = %v p%d", e.Text, d, p)
				}
			}
			Resolve(e, time.Time{})
		}
		if utf8.ValidString(s) {
			alt := FindTokens(s, arabic.Tokenize(s))
			if fmt.Sprint(alt) != fmt.Sprint(got) {
				t.Fatalf("Find and FindTokens differ on %q:\n%v\n%v", s, got, alt)
			}
		}
	})
}

// FuzzParsePublished checks that ParsePublished and Dateline never panic
// and return UTC midnights in the supported year range.
func FuzzParsePublished(f *testing.F) {
	fuzzSeeds(f)
	for _, s := range []string{
		"Wed, 15 Nov 2017 21:24:00 GMT", "November 15, 2017", "1510771440", "1510771440000",
		"2017-11-15", "15 novembre 2017", "الأربعاء 15 نوفمبر 2017",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		check := func(name string, d time.Time, ok bool) {
			if !ok {
				return
			}
			if d.Location() != time.UTC || d.Hour() != 0 || d.Minute() != 0 || d.Second() != 0 || d.Nanosecond() != 0 {
				t.Fatalf("%s(%q) = %v: not UTC midnight", name, s, d)
			}
			if y := d.Year(); y < 1800 || y > 2200 {
				t.Fatalf("%s(%q) = %v: year out of range", name, s, d)
			}
		}
		d, ok := ParsePublished(s)
		check("ParsePublished", d, ok)
		d, ok = Dateline(s)
		check("Dateline", d, ok)
	})
}
