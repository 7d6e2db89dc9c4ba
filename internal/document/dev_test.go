package document

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"rasad/internal/source"
)

const devDocs = "../../../shared/corpus/dev/docs"

func devFiles(t testing.TB) []string {
	files, _ := filepath.Glob(filepath.Join(devDocs, "*.txt"))
	if len(files) == 0 {
		t.Skip("../shared not present: no dev documents in " + devDocs)
	}
	return files
}

// foldForCompare keeps only letters and digits, folded, so that spacing
// and punctuation fixes do not hide a sentence.
func foldForCompare(s string) string {
	var b strings.Builder
	for _, r := range s {
		f := foldRune(r)
		if f < 0 || isPunctRune(f) || isSpaceRune(f) || f == ' ' || f == '\n' || f == '\t' || f == '\r' {
			continue
		}
		b.WriteRune(f)
	}
	return b.String()
}

var (
	eventWord = regexp.MustCompile(`قتل|مقتل|قتلى|قتيل|جرحى|مصرع|غارة|غارات|قصف|انفجار|تفجير|اشتباكات|هجوم|استهدف|سيطر`)
	latinWord = regexp.MustCompile(`[A-Za-z]{3,}`)
	// general interface boilerplate that must not survive cleaning
	uiClutter = []string{"جميع الحقوق محفوظة", "Powered by", "حجم الخط", "كلمة السر", "اسم المستخدم",
		"Your browser does not support", "الأكثر قراءة", "مواضيع ذات صلة", "لن يتم نشر", "مكة المكرمة",
		"Sign in", "TelegramWhatsApp", "اقرأ أيضا", "مقالات متعلقة", "ع ع ع"}
)

// TestDevDocs builds the dev documents and checks general properties: no
// article sentence that reports an attack or casualties is lost, and the
// interface boilerplate is gone.
func TestDevDocs(t *testing.T) {
	for _, f := range devFiles(t) {
		body, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := Build(source.Record{ID: filepath.Base(f), Origin: f, Body: body})
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		checkInvariants(t, d.Raw, d.Text, d.Removed)
		if len(d.Text) < len(d.Raw)/2 {
			t.Errorf("%s: cleaning kept only %d of %d bytes", f, len(d.Text), len(d.Raw))
		}
		folded := foldForCompare(d.Text)
		// sentences of the raw text: pieces ending in " . " with enough words
		for _, line := range strings.Split(d.Raw, "\n") {
			parts := strings.Split(line, " . ")
			for i, p := range parts {
				if i == len(parts)-1 && !strings.HasSuffix(strings.TrimSpace(line), ".") {
					continue // the unterminated tail of a line: headers, menus
				}
				w := strings.Fields(p)
				if len(w) < 12 || !eventWord.MatchString(p) {
					continue
				}
				// headline fragments (". ." separators), "Title | Site" and
				// embedded posts with @handles are page chrome, not sentences
				if strings.HasPrefix(p, ".") || strings.ContainsAny(p, "|@") || latinWord.MatchString(p) {
					continue
				}
				if tail := foldForCompare(strings.Join(w[len(w)-8:], " ")); !strings.Contains(folded, tail) {
					t.Errorf("%s: lost sentence %q", filepath.Base(f), p)
				}
			}
		}
		for _, c := range uiClutter {
			if strings.Contains(d.Text, c) {
				t.Errorf("%s: clutter %q kept", filepath.Base(f), c)
			}
		}
	}
}

func TestExplain(t *testing.T) {
	raw := "2019 / 3 / 12 الساعة 14 : 05 حجم الخط\nقتل خمسة مدنيين في قصف مدفعي على بلدة اللطامنة , بحسب ناشطين .\nجميع الحقوق محفوظة"
	d, err := Build(source.Record{ID: "e", Origin: "e.txt", Body: []byte(raw)})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Explain(&b, d); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"e.txt", "timestamp", "share-widget", "copyright", "space-before-punct", "totals:", "حجم الخط"} {
		if !strings.Contains(out, want) {
			t.Errorf("Explain output lacks %q:\n%s", want, out)
		}
	}
	if err := Explain(&b, nil); err == nil {
		t.Error("Explain(nil) should fail")
	}
	if err := Explain(failWriter{}, d); err == nil {
		t.Error("Explain should report write errors")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }
