package document

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"rasad/internal/source"
)

const para1 = "قتل سبعة مدنيين بينهم طفلان في غارات جوية استهدفت بلدة الشعفة في ريف دير الزور الشرقي , بحسب ما أفاد المرصد السوري ."
const para2 = "وقال المرصد إن الغارات طالت منازل سكنية وسط البلدة , وإن عدد القتلى مرشح للارتفاع بسبب وجود جرحى في حالات خطرة ."

func htmlRec(body string) source.Record {
	return source.Record{ID: "p", Origin: "p.html", Format: source.HTML, Body: []byte(body)}
}

func TestHTMLParagraphsScriptsEntities(t *testing.T) {
	page := `<html><head><title>غارات على الشعفة</title><style>p{color:red} .x:after{content:"مقتل"}</style>
<script>var s = "<p>نص مخفي في سكربت</p>"; if (a < b && c > d) {}</script></head>
<body><article><h1>غارات على الشعفة</h1><p>` + para1 + `</p>
<p>` + strings.ReplaceAll(para2, "المرصد", "&quot;المرصد&quot;") + ` &amp; &#1602;&#1589;&#1601; &nbsp;</p>
<noscript>فعّل جافاسكربت</noscript><p>` + para1[:40] + `<!-- تعليق مخفي --></p></article>
<script>document.write("نص آخر مخفي")</script></body></html>`
	d, err := Build(htmlRec(page))
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, d.Raw, d.Text, d.Removed)
	for _, bad := range []string{"مخفي", "color", "جافاسكربت", "document.write", "&quot;", "&amp;"} {
		if strings.Contains(d.Text, bad) || strings.Contains(d.Raw, bad) {
			t.Errorf("text holds %q:\n%s", bad, d.Text)
		}
	}
	for _, good := range []string{"بلدة الشعفة", `"المرصد"`, "& قصف"} {
		if !strings.Contains(d.Text, good) {
			t.Errorf("text lacks %q:\n%s", good, d.Text)
		}
	}
	// one paragraph per line
	lines := 0
	for _, l := range strings.Split(d.Text, "\n") {
		if strings.TrimSpace(l) != "" {
			lines++
		}
	}
	if lines < 2 {
		t.Errorf("paragraph breaks lost:\n%s", d.Text)
	}
	if d.Title != "غارات على الشعفة" {
		t.Errorf("title %q", d.Title)
	}
}

func TestHTMLDeepNesting(t *testing.T) {
	const depth = 100000
	page := "<html><body>" + strings.Repeat("<div>", depth) + "<p>" + para1 + "</p><p>" + para2 + "</p>" +
		strings.Repeat("</div>", depth) + "</body></html>"
	d, err := Build(htmlRec(page))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.Text, "بلدة الشعفة") || !strings.Contains(d.Text, "حالات خطرة") {
		t.Errorf("article lost in deep nesting: %q", d.Text)
	}
	// unclosed tags too
	page = "<html><body>" + strings.Repeat("<div><span><b>", depth/3) + "<p>" + para1
	if _, err := Build(htmlRec(page)); err != nil {
		t.Fatal(err)
	}
}

func TestHTMLLargePages(t *testing.T) {
	if testing.Short() {
		t.Skip("large pages skipped in -short mode")
	}
	// 50 MB, mostly script: the article survives, memory stays bounded
	var b strings.Builder
	b.WriteString("<html><head><script>")
	chunk := "var x = 'قتل مئة شخص في سكربت';\n"
	for b.Len() < 50<<20 {
		b.WriteString(chunk)
	}
	b.WriteString("</script></head><body><article><p>" + para1 + "</p><p>" + para2 + "</p></article></body></html>")
	d, err := Build(htmlRec(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.Text, "بلدة الشعفة") || strings.Contains(d.Text, "سكربت") {
		t.Errorf("wrong text from a large page: %.200q", d.Text)
	}
	// 50 MB of text: refused with a clear error instead of exhausting memory
	b.Reset()
	b.WriteString("<html><body>")
	for b.Len() < 50<<20 {
		b.WriteString("<p>" + para1 + "</p>")
	}
	_, err = Build(htmlRec(b.String()))
	if err == nil || !strings.Contains(err.Error(), "MB of text") || !strings.Contains(err.Error(), "p.html") {
		t.Errorf("err = %v, want a text-size error naming the origin", err)
	}
	// over the input limit
	_, err = Build(source.Record{Origin: "huge.html", Format: source.HTML, Body: make([]byte, MaxInputBytes+1)})
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("err = %v, want ErrTooLarge", err)
	}
}

func TestHTMLCharsetAndMetadata(t *testing.T) {
	page := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">
<meta property="og:site_name" content="موقع الرصد"><meta property="article:published_time" content="2018-03-07T10:15:00+02:00">
<meta name="author" content="ليلى حسن"><title>عنوان الخبر</title></head><body><article><p>` + para1 + `</p><p>` + para2 + `</p></article></body></html>`
	body, err := charmap.Windows1256.NewEncoder().Bytes([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Build(source.Record{Origin: "c.html", Format: source.HTML, Body: body})
	if err != nil {
		t.Fatal(err)
	}
	if d.Encoding != "windows-1256" || !strings.Contains(d.Text, "بلدة الشعفة") {
		t.Errorf("encoding %q text %q", d.Encoding, d.Text)
	}
	if d.Outlet != "موقع الرصد" || d.Author != "ليلى حسن" || d.Published != "2018-03-07" || d.Title != "عنوان الخبر" {
		t.Errorf("metadata: outlet %q author %q published %q title %q", d.Outlet, d.Author, d.Published, d.Title)
	}
	// the record's own metadata wins
	d, err = Build(source.Record{Origin: "c.html", Format: source.HTML, Body: body, Outlet: "Outlet", Published: "2019-01-02"})
	if err != nil || d.Outlet != "Outlet" || d.Published != "2019-01-02" {
		t.Errorf("record metadata not kept: %v %q %q", err, d.Outlet, d.Published)
	}
}
