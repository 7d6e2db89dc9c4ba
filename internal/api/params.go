package api

import (
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"rasad/internal/search"
	"rasad/internal/store"
)

// paramError is a bad query parameter: the handler answers 400 with it.
type paramError struct {
	msg    string
	status int // 0: 400
}

func (e *paramError) Error() string { return e.msg }

func badParam(format string, a ...any) error { return &paramError{msg: fmt.Sprintf(format, a...)} }

// maxParam is the longest query parameter value accepted.
const maxParam = 1000

// text returns parameter name, refusing values that are too long or not
// UTF-8.
func text(q url.Values, name string) (string, error) {
	v := strings.TrimSpace(q.Get(name))
	if len(v) > maxParam {
		return "", badParam("parameter %s is too long (%d bytes, at most %d)", name, len(v), maxParam)
	}
	if !utf8.ValidString(v) {
		return "", badParam("parameter %s is not valid UTF-8", name)
	}
	return v, nil
}

// page reads limit (default def, capped at max) and offset.
func page(q url.Values, def, max int) (limit, offset int, err error) {
	limit = def
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return 0, 0, badParam("limit must be a whole number from 1 to %d, got %q", max, v)
		}
		if n > 0 {
			limit = min(n, max)
		}
	}
	if v := q.Get("offset"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > 1<<30 {
			return 0, 0, badParam("offset must be a whole number from 0, got %q", v)
		}
		offset = n
	}
	return limit, offset, nil
}

// date reads an ISO date parameter: YYYY-MM-DD (YYYY-MM and YYYY are
// accepted as whole months and years).
func date(q url.Values, name string) (string, error) {
	v := strings.TrimSpace(q.Get(name))
	if v == "" {
		return "", nil
	}
	ok := len(v) == 4 || len(v) == 7 || len(v) == 10
	for i := 0; ok && i < len(v); i++ {
		c := v[i]
		if i == 4 || i == 7 {
			ok = c == '-'
		} else {
			ok = c >= '0' && c <= '9'
		}
	}
	if ok && len(v) >= 7 {
		m, _ := strconv.Atoi(v[5:7])
		ok = m >= 1 && m <= 12
	}
	if ok && len(v) == 10 {
		d, _ := strconv.Atoi(v[8:10])
		ok = d >= 1 && d <= 31
	}
	if !ok {
		return "", badParam("parameter %s must be a date YYYY-MM-DD, got %q", name, truncate(v))
	}
	return v, nil
}

func dateRange(q url.Values) (from, to string, err error) {
	if from, err = date(q, "from"); err != nil {
		return
	}
	if to, err = date(q, "to"); err != nil {
		return
	}
	if from != "" && to != "" && to < from && !strings.HasPrefix(from, to) {
		return "", "", badParam("empty date range: from %s is after to %s", from, to)
	}
	return from, to, nil
}

// bbox parses minLon,minLat,maxLon,maxLat.
func bbox(v string) (*[4]float64, error) {
	parts := strings.Split(v, ",")
	if len(parts) != 4 {
		return nil, badParam("bbox must be minLon,minLat,maxLon,maxLat (4 numbers), got %q", truncate(v))
	}
	var b [4]float64
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, badParam("bbox value %d (%q) is not a number", i+1, truncate(p))
		}
		b[i] = f
	}
	switch {
	case b[0] < -180 || b[2] > 180 || b[0] > 180 || b[2] < -180:
		return nil, badParam("bbox longitudes must be between -180 and 180")
	case b[1] < -90 || b[3] > 90 || b[1] > 90 || b[3] < -90:
		return nil, badParam("bbox latitudes must be between -90 and 90")
	case b[0] > b[2]:
		return nil, badParam("bbox minLon %g is greater than maxLon %g", b[0], b[2])
	case b[1] > b[3]:
		return nil, badParam("bbox minLat %g is greater than maxLat %g", b[1], b[3])
	}
	return &b, nil
}

// eventFilter reads the common event filters (without the page).
func eventFilter(q url.Values) (store.EventFilter, error) {
	var f store.EventFilter
	var err error
	for _, p := range []struct {
		name string
		dst  *string
	}{{"type", &f.Type}, {"subtype", &f.Subtype}, {"actor", &f.Actor}, {"place", &f.Place}, {"outlet", &f.Outlet}} {
		if *p.dst, err = text(q, p.name); err != nil {
			return f, err
		}
	}
	if f.From, f.To, err = dateRange(q); err != nil {
		return f, err
	}
	if v := strings.TrimSpace(q.Get("bbox")); v != "" {
		if f.BBox, err = bbox(v); err != nil {
			return f, err
		}
	}
	qs, err := text(q, "q")
	if err != nil {
		return f, err
	}
	if qs != "" {
		match, _, err := search.Parse(qs)
		if err != nil {
			return f, badParam("parameter q: %v", err)
		}
		f.Match = match
	}
	return f, nil
}

func truncate(s string) string {
	if len(s) <= 60 {
		return s
	}
	i := 60
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}
