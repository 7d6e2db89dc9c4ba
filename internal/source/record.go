// Package source is the first stage of rasad's pipeline: it turns the paths a
// user names (files, directories, zip archives, "-" for stdin) into Records,
// one per report, without interpreting the report's text. Decoding, article
// extraction and cleaning belong to package document.
package source

// Format says how a Record's Body is to be read.
type Format int

const (
	// Text is plain text in UTF-8 or a legacy Arabic code page (Windows-1256).
	Text Format = iota
	// HTML is a web page from which the article still has to be extracted.
	HTML
)

func (f Format) String() string {
	if f == HTML {
		return "html"
	}
	return "text"
}

// Record is one report as read from its input, with the metadata the input
// declared. Fields the input did not declare are empty.
type Record struct {
	ID        string // document id: file name without extension, or the object's "id"
	Origin    string // where it came from, for messages: path, path:line, archive.zip!member[3]
	URL       string // declared source URL
	Title     string
	Outlet    string
	Author    string
	Published string // declared publication date/time as written by the input
	Format    Format
	Body      []byte // raw bytes: text or HTML, not yet decoded
	Hash      string // hex sha256 of the raw input bytes of this record (idempotence key)
}
