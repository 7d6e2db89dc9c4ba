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

func (c *dctx) setAnchor() {
	if c.anchorDone {
		return
	}
	c.anchorDone = true
	published, raw := c.published, c.raw
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
	// the page head the cleaner removed ("3 آذار 2016 - شبكة محلية")
	if !c.hasAnchor && raw != "" {
		if t, ok := dates.Dateline(raw); ok {
			c.anchor, c.hasAnchor = t, true
		}
	}
	// a day of writing stated in the text
	limit := len(c.text) / 2
	for _, d := range c.allDates() {
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
	c.setAnchor()
	ds := c.allDates()
	s := c.sens[f.sent]
	lo := c.segmentStart(f)
	best, bestDist := -1, 1<<30
	for i, d := range ds {
		if d.a < lo || d.a >= s.b || !usableDate(d.e) {
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
	if best < 0 && lo == s.a {
		// a sentence without a date continuing one with a date:
		// "... أمس. وقال المرصد إن ..."; only a date that names a day
		for i := len(ds) - 1; i >= 0; i-- {
			d := ds[i]
			if d.a >= s.a || !usableDate(d.e) {
				continue
			}
			di := int(c.sentIdx(d.a))
			if f.sent-di > 1 || c.sens[di].para != s.para || c.sens[di].end < s.start-2 {
				break
			}
			if d.e.Kind == dates.Relative && d.e.OffsetDays != 0 && d.e.OffsetDays != -1 {
				break // "منذ نحو أسبوع" says when something began
			}
			best = i
			break
		}
	}
	if best >= 0 {
		if t, p, ok := dates.Resolve(ds[best].e, c.anchor); ok {
			k := ds[best].e.Kind
			return t, int(p), true, k == dates.Absolute || k == dates.Partial || k == dates.Range
		}
	}
	if c.hasAnchor {
		return c.anchor, 1, true, false
	}
	return time.Time{}, 0, false, false
}

// segmentStart returns where the part of f's sentence that tells of f
// begins: after the last clause opener ("في حين", "بينما", "كما") before
// it, or after the frame before it.
func (c *dctx) segmentStart(f *frame) int {
	s := c.sens[f.sent]
	for j := f.a - 1; j > s.a; j-- {
		if c.in(lSegbreak, j) > 0 && (c.isPunct(j-1) || c.conj(j) || c.wcAt(j) == "في") {
			return j
		}
	}
	return s.a
}

// earlierYear reports whether f's clause puts it in a year before the
// report's ("تعرضتا لهجمات بغاز الكلور عامي 2014 و2015").
func (c *dctx) earlierYear(f *frame) bool {
	if !c.hasAnchor {
		return false
	}
	a, b := c.commaStart(f.a), c.clauseEnd(f.b)
	for _, d := range c.allDates() {
		if d.a < a || d.a >= b {
			continue
		}
		if d.e.Kind == dates.YearOnly && d.e.Year > 0 && d.e.Year < c.anchor.Year() && !d.e.Since {
			return true
		}
	}
	return false
}
