package document

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"rasad/internal/source"
)

func TestZZPerfHTML(t *testing.T) {
	if os.Getenv("PERFHTML") == "" {
		t.Skip()
	}
	cases := map[string]string{
		"30k p":          "<html><body>" + strings.Repeat("<p>"+para1+"</p>", 30000) + "</body></html>",
		"30k div":        "<html><body>" + strings.Repeat("<div>كلمة</div>", 30000) + "</body></html>",
		"nested 150x200": "<html><body>" + strings.Repeat(strings.Repeat("<div>", 200)+"<p>"+para1+"</p>"+strings.Repeat("</div>", 200), 150) + "</body></html>",
		"unclosed 30k":   "<html><body>" + strings.Repeat("<div><p>نص قصير", 15000) + "</body></html>",
		"links 20k":      "<html><body><ul>" + strings.Repeat("<li><a href='/x'>رابط إلى خبر</a></li>", 20000) + "</ul><p>" + para1 + "</p></body></html>",
		"tables":         "<html><body>" + strings.Repeat("<table><tr><td>"+para2+"</td></tr>", 5000) + "</body></html>",
	}
	for name, page := range cases {
		st := time.Now()
		d, err := Build(source.Record{Origin: name, Format: source.HTML, Body: []byte(page)})
		n := 0
		if d != nil {
			n = len(d.Text)
		}
		fmt.Printf("%-16s %8d bytes  %v  text=%d err=%v\n", name, len(page), time.Since(st), n, err)
	}
}
