package document

import (
	"bytes"
	"fmt"
	"io"
	nurl "net/url"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
)

// Limits of HTML extraction. A page is first streamed through a tokenizer
// that drops scripts, styles and most attributes and caps nesting; only
// what survives is parsed into a tree, so memory stays proportional to the
// page's text, not to its markup.
const (
	MaxHTMLDepth       = 200     // deeper elements are flattened (their text is kept)
	MaxHTMLElements    = 30000   // elements beyond this are flattened
	MaxHTMLText        = 8 << 20 // more text than this in one page is refused
	maxReadabilityHTML = 4 << 20 // larger simplified pages skip readability
)

type article struct {
	text, title, site, byline, published string
}

// sniffCharset returns the charset declared in the first 4 KB of an HTML
// page (<meta charset=...> or http-equiv content type), or "".
func sniffCharset(b []byte) string {
	if len(b) > 4096 {
		b = b[:4096]
	}
	lb := bytes.ToLower(b)
	i := bytes.Index(lb, []byte("charset="))
	if i < 0 {
		return ""
	}
	v := lb[i+len("charset="):]
	v = bytes.TrimLeft(v, `"' `)
	end := bytes.IndexAny(v, `"'; />`)
	if end < 0 {
		end = len(v)
	}
	if end > 40 {
		return ""
	}
	return string(v[:end])
}

// skipped elements: their content never reaches the text.
var skipElems = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "svg": true, "math": true,
	"iframe": true, "object": true, "embed": true, "canvas": true, "audio": true, "video": true,
	"select": true, "button": true, "textarea": true, "frameset": true, "frame": true,
}

// attributes readability uses for scoring and metadata.
var keepAttrs = map[string]bool{
	"class": true, "id": true, "itemprop": true, "itemtype": true, "itemscope": true, "rel": true,
	"property": true, "name": true, "content": true, "datetime": true, "role": true, "lang": true,
	"dir": true, "hidden": true, "aria-hidden": true, "href": true, "style": true, "type": true, "charset": true,
}

var voidElems = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true, "input": true,
	"link": true, "meta": true, "param": true, "source": true, "track": true, "wbr": true,
}

// block elements end a line in the fallback text.
var blockElems = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "ul": true, "ol": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "tr": true, "table": true, "section": true, "article": true,
	"header": true, "footer": true, "nav": true, "aside": true, "blockquote": true, "pre": true, "hr": true,
	"figure": true, "figcaption": true, "main": true, "dd": true, "dt": true, "dl": true, "form": true, "title": true,
	"address": true, "details": true, "summary": true,
}

// selfClosing are elements a new sibling start tag closes implicitly.
var selfClosing = map[string]bool{"p": true, "li": true, "option": true, "dt": true, "dd": true, "tr": true, "td": true, "th": true}

// simplify streams the page through the tokenizer, returning a smaller,
// well-nested HTML document and a plain-text rendering of it (used when
// readability finds nothing).
func simplify(page string) (simple string, text string, elems int, err error) {
	z := html.NewTokenizer(strings.NewReader(page))
	var out, txt strings.Builder
	out.Grow(len(page) / 3)
	var stack []string
	skip := 0 // depth inside a skipped element
	skipName := ""
	ldjson := false
	titleText := false
	lastNL := true
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() == io.EOF {
				for i := len(stack) - 1; i >= 0; i-- {
					out.WriteString("</" + stack[i] + ">")
				}
				return out.String(), txt.String(), elems, nil
			}
			return "", "", elems, fmt.Errorf("HTML tokenizer: %w", z.Err())
		case html.TextToken:
			if skip > 0 {
				if ldjson && len(z.Raw()) <= 64<<10 {
					out.Write(z.Text())
				}
				continue
			}
			t := z.Text()
			if titleText {
				out.WriteString(html.EscapeString(string(t)))
				continue
			}
			if txt.Len()+len(t) > MaxHTMLText {
				return "", "", elems, fmt.Errorf("page has more than %d MB of text", MaxHTMLText>>20)
			}
			s := string(t)
			out.WriteString(html.EscapeString(s))
			if strings.TrimSpace(s) != "" {
				txt.WriteString(strings.Join(strings.Fields(s), " "))
				txt.WriteByte(' ')
				lastNL = false
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			if skip > 0 {
				if tag == skipName && tt == html.StartTagToken {
					skip++
				}
				continue
			}
			var attrs []html.Attribute
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				if keepAttrs[string(k)] && len(v) <= 300 {
					attrs = append(attrs, html.Attribute{Key: string(k), Val: string(v)})
				}
			}
			if skipElems[tag] {
				if tt == html.SelfClosingTagToken {
					continue
				}
				skip, skipName = 1, tag
				ldjson = false
				if tag == "script" {
					for _, a := range attrs {
						if a.Key == "type" && strings.Contains(strings.ToLower(a.Val), "ld+json") {
							ldjson = true
						}
					}
					if ldjson {
						out.WriteString(`<script type="application/ld+json">`)
					}
				}
				continue
			}
			if blockElems[tag] && !lastNL {
				txt.WriteByte('\n')
				lastNL = true
			}
			if selfClosing[tag] && len(stack) > 0 && stack[len(stack)-1] == tag {
				out.WriteString("</" + tag + ">")
				stack = stack[:len(stack)-1]
			}
			if len(stack) >= MaxHTMLDepth || elems >= MaxHTMLElements {
				continue // flattened: children go to the current parent
			}
			elems++
			out.WriteByte('<')
			out.WriteString(tag)
			for _, a := range attrs {
				out.WriteByte(' ')
				out.WriteString(a.Key)
				out.WriteString(`="`)
				out.WriteString(html.EscapeString(a.Val))
				out.WriteByte('"')
			}
			out.WriteByte('>')
			if voidElems[tag] || tt == html.SelfClosingTagToken {
				if !voidElems[tag] {
					out.WriteString("</" + tag + ">")
				}
				continue
			}
			stack = append(stack, tag)
			titleText = tag == "title"
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if skip > 0 {
				if tag == skipName {
					skip--
					if skip == 0 && ldjson {
						out.WriteString("</script>")
						ldjson = false
					}
				}
				continue
			}
			if blockElems[tag] && !lastNL {
				txt.WriteByte('\n')
				lastNL = true
			}
			if tag == "title" {
				titleText = false
			}
			// close up to the matching open element, if it is open
			for i := len(stack) - 1; i >= 0 && i >= len(stack)-64; i-- {
				if stack[i] == tag {
					for j := len(stack) - 1; j >= i; j-- {
						out.WriteString("</" + stack[j] + ">")
					}
					stack = stack[:i]
					break
				}
			}
		}
	}
}

// extractHTML finds the article in a page: text with one paragraph per
// line (blank lines between), title, site name, byline and publication
// date from the page metadata.
func extractHTML(page, pageURL string) (article, error) {
	simple, fallback, elems, err := simplify(page)
	if err != nil {
		return article{}, err
	}
	var art article
	var u *nurl.URL
	if pageURL != "" {
		if p, err := nurl.Parse(pageURL); err == nil {
			u = p
		}
	}
	if u == nil {
		u, _ = nurl.Parse("http://localhost/")
	}
	if len(simple) <= maxReadabilityHTML {
		// parse here, not with readability's Parse: that one re-guesses
		// the charset of text that is already UTF-8 and NFC-normalizes it
		p := readability.NewParser()
		p.MaxElemsToParse = MaxHTMLElements + 100
		doc, err := html.Parse(strings.NewReader(simple))
		var a readability.Article
		if err == nil {
			a, err = p.ParseAndMutate(doc, u)
		}
		if err == nil {
			art.title = strings.TrimSpace(a.Title())
			art.site = strings.TrimSpace(a.SiteName())
			art.byline = strings.TrimSpace(a.Byline())
			if t, err := a.PublishedTime(); err == nil && t.Year() >= 1900 && t.Year() <= 2100 {
				art.published = t.Format("2006-01-02")
			}
			if a.Node != nil {
				var b strings.Builder
				if a.RenderText(&b) == nil {
					art.text = strings.TrimSpace(b.String())
				}
			}
		}
	}
	_ = elems
	fb := strings.TrimSpace(fallback)
	// readability sometimes keeps only a caption; prefer the whole page
	// text (cleaned later) when the article it found is tiny
	if len([]rune(art.text)) < 80 && len(fb) > len(art.text) {
		art.text = fb
	}
	if strings.TrimSpace(art.text) == "" {
		return art, fmt.Errorf("%w: the HTML page has no readable text", ErrNoArticle)
	}
	return art, nil
}
