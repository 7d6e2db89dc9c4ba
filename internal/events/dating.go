package events

import (
	"time"

	"rasad/internal/dates"
)

// Event dates. The anchor is the report's own date: its declared
// publication date, else the date in its head (dates.Dateline); a day of
// writing the text states ("اليوم، الاثنين 9 تشرين الأول") corrects an
// anchor that is a crawl date. An event takes the date expression nearest
// its trigger in its sentence, else the last one in the sentences before
// it in the paragraph, else the anchor itself (an event told as current).

func (c *dctx) setAnchor(published string) {
	if published != "" {
		if t, ok := dates.ParsePublished(published); ok {
			c.anchor, c.hasAnchor = t, true
		}
	}
	if !c.hasAnchor {
		if t, ok := dates.Dateline(c.text); ok {
			c.anchor, c.hasAnchor = t, true
		}
	}
	// a day of writing stated in the text
	limit := len(c.text) / 2
	for _, d := range c.dates {
		if c.toks[d.a].Start > limit {
			break
		}
		wd, ok := dates.WritingDate(d.e, c.anchor)
		if !ok {
			continue
		}
		if !c.hasAnchor {
			c.anchor, c.hasAnchor = wd, true
			break
		}
		gap := c.anchor.Sub(wd)
		if gap > 2*24*time.Hour && gap < 400*24*time.Hour {
			c.anchor = wd
		}
		break
	}
}

// usableDate reports whether an expression can date an event.
func usableDate(e dates.Expr) bool {
	switch e.Kind {
	case dates.Future, dates.YearOnly:
		return false
	}
	return !e.Since
}

// dateOf returns the date of frame f, its precision and whether the date
// came from an explicit expression.
func (c *dctx) dateOf(f *frame) (time.Time, int, bool, bool) {
	s := c.sens[f.sent]
	best, bestDist := -1, 1<<30
	for i, d := range c.dates {
		if d.a < s.a || d.a >= s.b || !usableDate(d.e) {
			continue
		}
		dist := 0
		switch {
		case d.b <= f.a:
			dist = f.a - d.b
		case d.a >= f.b:
			dist = d.a - f.b + 2 // a date before the trigger reads first
		}
		if dist < bestDist {
			best, bestDist = i, dist
		}
	}
	if best < 0 {
		// the sentences before it in the paragraph
		for i := len(c.dates) - 1; i >= 0; i-- {
			d := c.dates[i]
			if d.a >= s.a || !usableDate(d.e) {
				continue
			}
			ds := int(c.sent[d.a])
			if f.sent-ds > 2 || c.sens[ds].para != s.para {
				break
			}
			best = i
			break
		}
	}
	if best >= 0 {
		if t, p, ok := dates.Resolve(c.dates[best].e, c.anchor); ok {
			k := c.dates[best].e.Kind
			return t, int(p), true, k == dates.Absolute || k == dates.Partial || k == dates.Range
		}
	}
	if c.hasAnchor {
		return c.anchor, 1, true, false
	}
	return time.Time{}, 0, false, false
}
