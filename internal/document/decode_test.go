package document

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"

	"rasad/internal/source"
)

const arSentence = "قصفت طائرات حربية مدينة دوما في الغوطة الشرقية صباح اليوم ما أدى إلى مقتل أربعة مدنيين."

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	u := utf16.Encode([]rune(s))
	var b bytes.Buffer
	if bom {
		if bigEndian {
			b.Write([]byte{0xFE, 0xFF})
		} else {
			b.Write([]byte{0xFF, 0xFE})
		}
	}
	for _, x := range u {
		if bigEndian {
			b.Write([]byte{byte(x >> 8), byte(x)})
		} else {
			b.Write([]byte{byte(x), byte(x >> 8)})
		}
	}
	return b.Bytes()
}

func TestDecode(t *testing.T) {
	cp, err := charmap.Windows1256.NewEncoder().Bytes([]byte(arSentence))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, enc, want string
		in              []byte
		err             error
	}{
		{name: "utf-8", in: []byte(arSentence), enc: "utf-8", want: arSentence},
		{name: "utf-8 with BOM", in: append([]byte{0xEF, 0xBB, 0xBF}, arSentence...), enc: "utf-8", want: arSentence},
		{name: "windows-1256", in: cp, enc: "windows-1256", want: arSentence},
		{name: "utf-16le BOM", in: utf16Bytes(arSentence, false, true), enc: "utf-16le", want: arSentence},
		{name: "utf-16be BOM", in: utf16Bytes(arSentence, true, true), enc: "utf-16be", want: arSentence},
		{name: "utf-16le without BOM", in: utf16Bytes("Damascus "+arSentence, false, false), enc: "utf-16le", want: "Damascus " + arSentence},
		{name: "utf-8 with a stray byte", in: []byte(strings.Repeat(arSentence, 5) + "\xff" + arSentence), enc: "utf-8",
			want: strings.Repeat(arSentence, 5) + "\uFFFD" + arSentence},
		{name: "empty", in: nil, err: ErrEmpty},
		{name: "whitespace only", in: []byte(" \n\t "), err: ErrEmpty},
		{name: "NUL bytes", in: []byte("PK\x03\x04\x00\x00\x08\x00binary"), err: ErrBinary},
		{name: "control bytes", in: bytes.Repeat([]byte{0x01, 0x02, 0x1b, 'a'}, 50), err: ErrBinary},
		{name: "latin-1 is not Arabic", in: []byte("caf\xe9 cr\xe8me br\xfbl\xe9e \xe0 la fran\xe7aise"), err: ErrUndecodable},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, enc, err := Decode(tc.in)
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Fatalf("err = %v, want %v", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if enc != tc.enc || got != tc.want {
				t.Errorf("Decode = %q, %q; want %q, %q", got, enc, tc.want, tc.enc)
			}
		})
	}
}

func TestBuildErrors(t *testing.T) {
	tests := []struct {
		name string
		rec  source.Record
		err  error
	}{
		{"empty", source.Record{Origin: "a.txt"}, ErrEmpty},
		{"binary", source.Record{Origin: "b.txt", Body: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")}, ErrBinary},
		{"undecodable", source.Record{Origin: "c.txt", Body: []byte("na\xefve r\xe9sum\xe9 \xe0 Paris et \xe0 Lyon")}, ErrUndecodable},
		{"clutter only", source.Record{Origin: "d.txt", Body: []byte("حجم الخط\nجميع الحقوق محفوظة")}, ErrNoArticle},
		{"html without text", source.Record{Origin: "e.html", Format: source.HTML,
			Body: []byte("<html><head><script>var a='قتل';</script></head><body><nav><a href='/'>الرئيسية</a></nav></body></html>")}, ErrNoArticle},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Build(tc.rec)
			if !errors.Is(err, tc.err) {
				t.Fatalf("err = %v, want %v", err, tc.err)
			}
			if !strings.Contains(err.Error(), tc.rec.Origin) {
				t.Errorf("error %q does not name the origin %q", err, tc.rec.Origin)
			}
		})
	}
}

func TestBuildEncodings(t *testing.T) {
	text := "حماة - قتل خمسة مدنيين في قصف مدفعي استهدف بلدة اللطامنة , بحسب ناشطين ."
	cp, _ := charmap.Windows1256.NewEncoder().Bytes([]byte(text))
	for _, tc := range []struct {
		enc  string
		body []byte
	}{
		{"windows-1256", cp},
		{"utf-16le", utf16Bytes(text, false, true)},
		{"utf-16be", utf16Bytes(text, true, true)},
	} {
		d, err := Build(source.Record{ID: "x", Origin: "x.txt", Body: tc.body, Published: "2019-03-12"})
		if err != nil {
			t.Fatalf("%s: %v", tc.enc, err)
		}
		if d.Encoding != tc.enc || d.Raw != text || d.Text != "حماة - قتل خمسة مدنيين في قصف مدفعي استهدف بلدة اللطامنة, بحسب ناشطين." {
			t.Errorf("%s: encoding %q text %q", tc.enc, d.Encoding, d.Text)
		}
		if d.Published != "2019-03-12" || d.Dateline != "حماة -" {
			t.Errorf("%s: published %q dateline %q", tc.enc, d.Published, d.Dateline)
		}
	}
}

func TestNormalizeDate(t *testing.T) {
	for in, want := range map[string]string{
		"2015-08-01 20:37:48":           "2015-08-01",
		"2018-03-07T10:15:00+02:00":     "2018-03-07T10:15:00+02:00",
		"2017/11/15":                    "2017-11-15",
		"Wed, 08 Nov 2017 10:00:00 GMT": "2017-11-08T10:00:00Z",
		"15 / 11 / 2017":                "2017-11-15",
		"الأحد 21 كانون الثاني 2018":    "2018-01-21",
		"8 نوفمبر 2017":                 "2017-11-08",
		"":                              "",
		"قريبا":                         "",
		"31/02/2017":                    "",
	} {
		if got := normalizeDate(in); got != want {
			t.Errorf("normalizeDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDecodeUTF8WithStrayBytes(t *testing.T) {
	b := append([]byte(strings.Repeat("نص عربي ", 20)), 0xff, 0xfe, 0xc3, 0x28)
	b = append(b, strings.Repeat("نص آخر ", 20)...)
	s, enc, err := Decode(b)
	if err != nil || enc != "utf-8" || !strings.HasPrefix(s, "نص عربي") || !strings.Contains(s, "نص آخر") {
		t.Fatalf("Decode = %q, %q, %v; want UTF-8 with the stray bytes replaced", s[:40], enc, err)
	}
}
