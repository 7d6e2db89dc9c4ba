package source

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// DefaultMaxRecordBytes bounds the size of one report (a file, an archive
// member, or a JSON object). Larger inputs are refused with a clear error
// instead of being read into memory.
const DefaultMaxRecordBytes = 64 << 20

// Options controls how inputs are read.
type Options struct {
	MaxRecordBytes int64     // 0 means DefaultMaxRecordBytes
	Stdin          io.Reader // what "-" reads; nil means os.Stdin
}

// Error is a problem with one input. The rest of the batch goes on.
type Error struct {
	Origin string // file, file:line, archive.zip!member
	Err    error
}

func (e *Error) Error() string { return e.Origin + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Skip reports an input that was deliberately not read (unsupported file
// type, hidden file). It is not a failure.
type Skip struct {
	Origin string
	Reason string
}

// Handler receives what Walk finds. Record returning an error stops the walk
// (used for cancellation); Fail and Skipped must not block for long.
type Handler struct {
	Record  func(Record) error
	Fail    func(*Error)
	Skipped func(Skip)
}

// Walk reads every path in order (directories recursively, in lexical
// order) and hands each report to h.Record. Problems with one input are
// reported to h.Fail and the walk continues.
func Walk(ctx context.Context, paths []string, opt Options, h Handler) error {
	w := &walker{ctx: ctx, opt: opt, h: h}
	if w.opt.MaxRecordBytes <= 0 {
		w.opt.MaxRecordBytes = DefaultMaxRecordBytes
	}
	if w.opt.Stdin == nil {
		w.opt.Stdin = os.Stdin
	}
	if w.h.Fail == nil {
		w.h.Fail = func(*Error) {}
	}
	if w.h.Skipped == nil {
		w.h.Skipped = func(Skip) {}
	}
	for _, p := range paths {
		if err := w.path(p); err != nil {
			return err
		}
	}
	return nil
}

type walker struct {
	ctx context.Context
	opt Options
	h   Handler
}

// errStop marks an error returned by the handler: it ends the walk.
type errStop struct{ err error }

func (e errStop) Error() string { return e.err.Error() }

func (w *walker) emit(r Record) error {
	if err := w.ctx.Err(); err != nil {
		return errStop{err}
	}
	if err := w.h.Record(r); err != nil {
		return errStop{err}
	}
	return nil
}

func (w *walker) fail(origin string, err error) {
	w.h.Fail(&Error{Origin: origin, Err: err})
}

func stopErr(err error) error {
	var s errStop
	if errors.As(err, &s) {
		return s.err
	}
	return nil
}

func (w *walker) path(p string) error {
	if p == "-" {
		data, err := readLimited(w.opt.Stdin, w.opt.MaxRecordBytes)
		if err != nil {
			w.fail("stdin", err)
			return nil
		}
		return stopErr(w.bytes("stdin", "stdin", sniff(data), data))
	}
	info, err := os.Stat(p)
	if err != nil {
		w.fail(p, describeOpenError(err))
		return nil
	}
	if !info.IsDir() {
		return stopErr(w.file(p, info))
	}
	var files []string
	err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			w.fail(path, describeOpenError(err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if path != p && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			w.h.Skipped(Skip{Origin: path, Reason: "hidden file"})
			return nil
		}
		if !d.IsDir() {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		w.fail(p, err)
	}
	sort.Strings(files)
	for _, f := range files {
		info, err := os.Stat(f)
		if err != nil {
			w.fail(f, describeOpenError(err))
			continue
		}
		if !info.Mode().IsRegular() {
			w.h.Skipped(Skip{Origin: f, Reason: "not a regular file"})
			continue
		}
		if err := stopErr(w.file(f, info)); err != nil {
			return err
		}
	}
	return nil
}

func describeOpenError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such file or directory")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Kind is an input's container type, decided by its file name.
type kind int

const (
	kindUnknown kind = iota
	kindText
	kindHTML
	kindJSON
	kindJSONL
	kindZip
)

func kindOf(name string) kind {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		return kindText
	case ".html", ".htm", ".xhtml":
		return kindHTML
	case ".json":
		return kindJSON
	case ".jsonl", ".ndjson":
		return kindJSONL
	case ".zip":
		return kindZip
	}
	return kindUnknown
}

// sniff guesses the kind of unnamed input (stdin) from its first bytes.
func sniff(data []byte) kind {
	t := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	switch {
	case len(t) == 0:
		return kindText
	case t[0] == '[':
		return kindJSON
	case t[0] == '{':
		return kindJSONL
	case t[0] == '<':
		return kindHTML
	case bytes.HasPrefix(t, []byte("PK\x03\x04")):
		return kindZip
	}
	return kindText
}

func (w *walker) file(path string, info fs.FileInfo) error {
	k := kindOf(path)
	if k == kindUnknown {
		w.h.Skipped(Skip{Origin: path, Reason: "unsupported file type " + quoteExt(path)})
		return nil
	}
	if k == kindZip {
		return w.zipFile(path, info.Size())
	}
	if k == kindText || k == kindHTML {
		if info.Size() > w.opt.MaxRecordBytes {
			w.fail(path, tooLarge(info.Size(), w.opt.MaxRecordBytes))
			return nil
		}
	}
	f, err := os.Open(path)
	if err != nil {
		w.fail(path, describeOpenError(err))
		return nil
	}
	defer f.Close()
	return w.stream(path, idFromName(path), k, f)
}

func quoteExt(path string) string {
	if e := filepath.Ext(path); e != "" {
		return fmt.Sprintf("%q", e)
	}
	return "(no extension)"
}

func tooLarge(n, max int64) error {
	return fmt.Errorf("too large: %.1f MB exceeds the limit of %.1f MB per report (raise it with --max-size)",
		float64(n)/1e6, float64(max)/1e6)
}

// stream reads one input of a known kind from r.
func (w *walker) stream(origin, id string, k kind, r io.Reader) error {
	switch k {
	case kindJSON:
		return w.jsonArray(origin, id, r)
	case kindJSONL:
		return w.jsonLines(origin, id, r)
	}
	data, err := readLimited(r, w.opt.MaxRecordBytes)
	if err != nil {
		w.fail(origin, err)
		return nil
	}
	return w.bytes(origin, id, k, data)
}

// bytes handles input already in memory (stdin, archive members).
func (w *walker) bytes(origin, id string, k kind, data []byte) error {
	switch k {
	case kindJSON, kindJSONL:
		return w.stream(origin, id, k, bytes.NewReader(data))
	case kindZip:
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			w.fail(origin, fmt.Errorf("not a readable zip archive: %v", err))
			return nil
		}
		return w.zipMembers(origin, zr, 1)
	}
	rec := Record{ID: id, Origin: origin, Body: data, Hash: hashOf(data)}
	if k == kindHTML {
		rec.Format = HTML
	}
	return w.emit(rec)
}

func readLimited(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("read failed: %v", describeOpenError(err))
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("too large: exceeds the limit of %.1f MB per report (raise it with --max-size)", float64(max)/1e6)
	}
	return data, nil
}

func (w *walker) zipFile(path string, size int64) error {
	f, err := os.Open(path)
	if err != nil {
		w.fail(path, describeOpenError(err))
		return nil
	}
	defer f.Close()
	zr, err := zip.NewReader(f, size)
	if err != nil {
		w.fail(path, fmt.Errorf("not a readable zip archive: %v", err))
		return nil
	}
	return w.zipMembers(path, zr, 0)
}

// maxZipDepth bounds archives inside archives.
const maxZipDepth = 2

func (w *walker) zipMembers(archive string, zr *zip.Reader, depth int) error {
	files := append([]*zip.File(nil), zr.File...)
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	for _, zf := range files {
		if zf.FileInfo().IsDir() {
			continue
		}
		origin := archive + "!" + zf.Name
		base := filepath.Base(zf.Name)
		if strings.HasPrefix(base, ".") || strings.HasPrefix(zf.Name, "__MACOSX/") {
			w.h.Skipped(Skip{Origin: origin, Reason: "hidden file"})
			continue
		}
		k := kindOf(zf.Name)
		if k == kindUnknown {
			w.h.Skipped(Skip{Origin: origin, Reason: "unsupported file type " + quoteExt(zf.Name)})
			continue
		}
		if k == kindZip && depth >= maxZipDepth {
			w.fail(origin, errors.New("archive nested too deeply"))
			continue
		}
		if (k == kindText || k == kindHTML || k == kindZip) && int64(zf.UncompressedSize64) > w.opt.MaxRecordBytes {
			w.fail(origin, tooLarge(int64(zf.UncompressedSize64), w.opt.MaxRecordBytes))
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			w.fail(origin, fmt.Errorf("cannot open archive member: %v", err))
			continue
		}
		var err2 error
		if k == kindZip {
			var data []byte
			data, err = readLimited(rc, w.opt.MaxRecordBytes)
			if err != nil {
				w.fail(origin, err)
			} else if zr2, zerr := zip.NewReader(bytes.NewReader(data), int64(len(data))); zerr != nil {
				w.fail(origin, fmt.Errorf("not a readable zip archive: %v", zerr))
			} else {
				err2 = w.zipMembers(origin, zr2, depth+1)
			}
		} else {
			err2 = w.stream(origin, idFromName(zf.Name), k, rc)
		}
		rc.Close()
		if err2 != nil {
			return err2
		}
	}
	return nil
}

func idFromName(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

func hashOf(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}
