package source

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Field names accepted in article objects. The first name of each list is
// the documented one; the others are common spellings of other crawlers
// (SaudiNewsNet uses source and content). A crawl date such as
// date_extracted is deliberately not read as a publication date.
var (
	idFields        = []string{"id", "doc", "doc_id"}
	urlFields       = []string{"url", "link"}
	titleFields     = []string{"title", "headline"}
	outletFields    = []string{"outlet", "source", "site", "publisher"}
	authorFields    = []string{"author", "byline"}
	publishedFields = []string{"published", "date", "published_at", "publishedAt", "pubDate", "datePublished"}
	textFields      = []string{"text", "content", "body"}
	htmlFields      = []string{"html"}
)

// object turns one JSON article object into a Record. n is the item number
// (1-based) used for the default id.
func object(raw []byte, defaultID, origin string) (Record, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return Record{}, fmt.Errorf("expected an article object, found a JSON %s", te.Value)
		}
		return Record{}, fmt.Errorf("invalid JSON: %v", err)
	}
	rec := Record{Origin: origin, Hash: hashOf(raw)}
	var err error
	get := func(names []string) string {
		for _, n := range names {
			v, ok := m[n]
			if !ok {
				continue
			}
			s, e := scalar(v)
			if e != nil && err == nil {
				err = fmt.Errorf("field %q: %v", n, e)
			}
			if s != "" {
				return s
			}
		}
		return ""
	}
	rec.ID = strings.TrimSpace(get(idFields))
	rec.URL = get(urlFields)
	rec.Title = get(titleFields)
	rec.Outlet = get(outletFields)
	rec.Author = get(authorFields)
	rec.Published = get(publishedFields)
	if h := get(htmlFields); h != "" {
		rec.Format = HTML
		rec.Body = []byte(h)
	} else {
		rec.Body = []byte(get(textFields))
		if len(rec.Body) == 0 && !hasAny(m, textFields) {
			return Record{}, errors.New(`article object has no "text" or "html" field`)
		}
	}
	if err != nil {
		return Record{}, err
	}
	if rec.ID == "" {
		rec.ID = defaultID
	}
	return rec, nil
}

func hasAny(m map[string]json.RawMessage, names []string) bool {
	for _, n := range names {
		if _, ok := m[n]; ok {
			return true
		}
	}
	return false
}

// scalar reads a JSON string, number or null as text.
func scalar(v json.RawMessage) (string, error) {
	v = bytes.TrimSpace(v)
	if len(v) == 0 || string(v) == "null" {
		return "", nil
	}
	switch v[0] {
	case '"':
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			return "", err
		}
		return s, nil
	case '{', '[':
		return "", errors.New("expected a string, found an object or array")
	}
	if string(v) == "true" || string(v) == "false" {
		return "", errors.New("expected a string, found a boolean")
	}
	return string(v), nil
}

// jsonArray reads a .json file: an array of article objects, or a single object.
func (w *walker) jsonArray(origin, base string, r io.Reader) error {
	br := bufio.NewReaderSize(r, 64<<10)
	first, err := firstNonSpace(br)
	if err != nil {
		if err == io.EOF {
			w.fail(origin, errors.New("empty JSON file"))
		} else {
			w.fail(origin, fmt.Errorf("read failed: %v", err))
		}
		return nil
	}
	dec := json.NewDecoder(br)
	if first == '{' {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			w.fail(origin, fmt.Errorf("invalid JSON: %v", err))
			return nil
		}
		return w.objectRecord(raw, base, origin)
	}
	if first != '[' {
		w.fail(origin, fmt.Errorf("expected a JSON array of article objects, found %q", first))
		return nil
	}
	if _, err := dec.Token(); err != nil {
		w.fail(origin, fmt.Errorf("invalid JSON: %v", err))
		return nil
	}
	for n := 1; dec.More(); n++ {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			// A syntax error leaves the decoder without a way to resync.
			w.fail(fmt.Sprintf("%s[%d]", origin, n), fmt.Errorf("invalid JSON, rest of file not read: %v", err))
			return nil
		}
		if err := w.objectRecord(raw, base+"-"+strconv.Itoa(n), fmt.Sprintf("%s[%d]", origin, n)); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil {
		w.fail(origin, fmt.Errorf("invalid JSON at end of array: %v", err))
	}
	return nil
}

func (w *walker) objectRecord(raw []byte, defaultID, origin string) error {
	if int64(len(raw)) > w.opt.MaxRecordBytes {
		w.fail(origin, tooLarge(int64(len(raw)), w.opt.MaxRecordBytes))
		return nil
	}
	rec, err := object(raw, defaultID, origin)
	if err != nil {
		w.fail(origin, err)
		return nil
	}
	return w.emit(rec)
}

func firstNonSpace(br *bufio.Reader) (byte, error) {
	// Skip a UTF-8 byte order mark.
	if b, err := br.Peek(3); err == nil && string(b) == "\xef\xbb\xbf" {
		br.Discard(3)
	}
	for {
		b, err := br.ReadByte()
		if err != nil {
			return 0, err
		}
		switch b {
		case ' ', '\t', '\r', '\n':
			continue
		}
		br.UnreadByte()
		return b, nil
	}
}

// jsonLines reads a .jsonl file: one article object per line. A malformed
// line is reported with its number and the rest of the file is read.
func (w *walker) jsonLines(origin, base string, r io.Reader) error {
	br := bufio.NewReaderSize(r, 64<<10)
	for line := 1; ; line++ {
		data, tooLong, err := readLine(br, w.opt.MaxRecordBytes)
		if len(data) > 0 || tooLong {
			lo := fmt.Sprintf("%s:%d", origin, line)
			if tooLong {
				w.fail(lo, fmt.Errorf("line too long: exceeds the limit of %.1f MB per report (raise it with --max-size)", float64(w.opt.MaxRecordBytes)/1e6))
			} else if t := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))); len(t) > 0 {
				if err := w.objectRecord(t, base+"-"+strconv.Itoa(line), lo); err != nil {
					return err
				}
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			w.fail(fmt.Sprintf("%s:%d", origin, line), fmt.Errorf("read failed: %v", err))
			return nil
		}
	}
}

// readLine returns the next line without its newline. A line longer than max
// is consumed and reported as tooLong without being kept in memory.
func readLine(br *bufio.Reader, max int64) (line []byte, tooLong bool, err error) {
	for {
		frag, e := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(line)+len(frag)) > max+1 {
				tooLong, line = true, nil
			} else {
				line = append(line, frag...)
			}
		}
		if e == bufio.ErrBufferFull {
			continue
		}
		return bytes.TrimRight(line, "\r\n"), tooLong, e
	}
}
