package document

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
)

// Errors returned by Decode (wrapped with details). Build wraps them again
// with the record's origin.
var (
	ErrEmpty       = errors.New("empty input")
	ErrBinary      = errors.New("binary data, not text")
	ErrUndecodable = errors.New("undecodable text")
	ErrTooLarge    = errors.New("input too large")
	ErrNoArticle   = errors.New("no article text")
)

// MaxInputBytes bounds the size of one record's body. Larger inputs are
// refused with ErrTooLarge instead of being read into several copies.
const MaxInputBytes = 64 << 20

// Decode detects the encoding of b and returns it as UTF-8 text.
//
// Detection, in order: a byte-order mark (UTF-8, UTF-16LE/BE); UTF-16
// without a mark when NUL bytes sit consistently on one parity and the
// result is text; valid UTF-8 (a handful of stray invalid bytes in otherwise
// UTF-8 text are replaced by U+FFFD); Windows-1256 when the bytes are not
// UTF-8 and decode to mostly Arabic letters. Input with NUL bytes (that is
// not UTF-16) or with many control characters is refused as binary.
func Decode(b []byte) (text string, enc string, err error) {
	return decodeHint(b, "")
}

// decodeHint is Decode with a declared charset label (from an HTML meta
// tag), used when the bytes are not valid UTF-8.
func decodeHint(b []byte, hint string) (string, string, error) {
	if len(b) == 0 {
		return "", "", ErrEmpty
	}
	if len(b) > MaxInputBytes {
		return "", "", fmt.Errorf("%w: %d bytes, limit is %d", ErrTooLarge, len(b), MaxInputBytes)
	}
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		s, bad := validUTF8(b[3:])
		if bad > 0 && !mostlyUTF8(b[3:], bad) {
			return "", "", fmt.Errorf("%w: UTF-8 byte-order mark but %d invalid UTF-8 bytes", ErrUndecodable, bad)
		}
		return finishText(s, "utf-8")
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return finishText(decodeUTF16(b[2:], false), "utf-16le")
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return finishText(decodeUTF16(b[2:], true), "utf-16be")
	}
	if nul := bytes.IndexByte(b, 0); nul >= 0 {
		if le, ok := utf16Parity(b); ok {
			name := "utf-16be"
			if le {
				name = "utf-16le"
			}
			s := decodeUTF16(b, !le)
			if t, e, err := finishText(s, name); err == nil {
				return t, e, nil
			}
		}
		return "", "", fmt.Errorf("%w: NUL byte at offset %d", ErrBinary, nul)
	}
	if utf8.Valid(b) {
		return finishText(string(b), "utf-8")
	}
	s, bad := validUTF8(b)
	if mostlyUTF8(b, bad) {
		return finishText(s, "utf-8")
	}
	if hint != "" {
		if e, name := lookupCharset(hint); e != nil {
			if t, err := e.NewDecoder().Bytes(b); err == nil {
				return finishText(string(t), name)
			}
		}
	}
	t, err := charmap.Windows1256.NewDecoder().Bytes(b)
	if err == nil {
		s := string(t)
		if arabicShare(s) >= 0.5 {
			return finishText(s, "windows-1256")
		}
	}
	return "", "", fmt.Errorf("%w: not valid UTF-8 (%d invalid bytes, first at offset %d) and not Windows-1256 Arabic",
		ErrUndecodable, bad, firstInvalid(b))
}

func lookupCharset(label string) (encoding.Encoding, string) {
	label = strings.ToLower(strings.TrimSpace(label))
	switch label {
	case "utf-8", "utf8", "":
		return nil, ""
	}
	e, err := htmlindex.Get(label)
	if err != nil {
		return nil, ""
	}
	name, err := htmlindex.Name(e)
	if err != nil || name == "utf-8" {
		return nil, ""
	}
	return e, name
}

// finishText refuses decoded text that is empty or mostly control
// characters.
func finishText(s, enc string) (string, string, error) {
	if strings.TrimSpace(s) == "" {
		return "", "", fmt.Errorf("%w (%s, only whitespace)", ErrEmpty, enc)
	}
	// count characters and control characters bytewise: s is UTF-8 here
	var ctrl, total int
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b&0xC0 != 0x80 {
			total++
		}
		switch {
		case b == 0:
			return "", "", fmt.Errorf("%w: NUL character at offset %d", ErrBinary, i)
		case b < 0x20:
			if b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v' {
				ctrl++
			}
		case b == 0x7f:
			ctrl++
		case b == 0xC2:
			if i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] < 0xA0 { // C1 controls
				ctrl++
			}
		case b == 0xEF:
			if i+2 < len(s) && s[i+1] == 0xBF && s[i+2] == 0xBD { // U+FFFD
				ctrl++
			}
		}
	}
	if total >= 16 && ctrl*10 > total || total < 16 && ctrl*2 > total {
		return "", "", fmt.Errorf("%w: %d of %d characters are control characters", ErrBinary, ctrl, total)
	}
	return s, enc, nil
}

// validUTF8 returns b as a string with invalid bytes replaced by U+FFFD and
// the number of invalid bytes.
func validUTF8(b []byte) (string, int) {
	if utf8.Valid(b) {
		return string(b), 0
	}
	var sb strings.Builder
	sb.Grow(len(b) + 16)
	bad := 0
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			bad++
			sb.WriteRune(utf8.RuneError)
		} else {
			sb.Write(b[:n])
		}
		b = b[n:]
	}
	return sb.String(), bad
}

// mostlyUTF8 reports whether b is UTF-8 text with a few stray bad bytes
// (a truncated or spliced file) rather than a legacy code page: at most one
// invalid byte in 200 and many more valid multi-byte sequences than invalid
// bytes.
func mostlyUTF8(b []byte, bad int) bool {
	if bad == 0 {
		return true
	}
	size, multi := len(b), 0
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if n > 1 && r != utf8.RuneError {
			multi++
		}
		b = b[n:]
	}
	// Windows-1256 Arabic is almost all invalid as UTF-8 (its letters are
	// lead bytes followed by more lead bytes), so text whose valid multi-byte
	// characters far outnumber its invalid bytes is UTF-8 with a few damaged
	// bytes (a truncated character, a stray byte), which become U+FFFD.
	return bad*20 <= size && multi >= 4*bad
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// utf16Parity guesses BOM-less UTF-16: even length and NUL bytes almost
// only at odd offsets (little endian, ASCII/Latin text) or even offsets
// (big endian); or, for Arabic text, the 0x06 block byte on one parity.
func utf16Parity(b []byte) (littleEndian bool, ok bool) {
	if len(b) < 4 || len(b)%2 != 0 {
		return false, false
	}
	n := len(b)
	if n > 8192 {
		n = 8192
	}
	var even, odd, arEven, arOdd int
	for i := 0; i < n; i++ {
		switch b[i] {
		case 0:
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		case 0x06:
			if i%2 == 0 {
				arEven++
			} else {
				arOdd++
			}
		}
	}
	pairs := n / 2
	le := odd + arOdd
	be := even + arEven
	switch {
	case le*10 >= pairs*6 && even+arEven <= pairs/20:
		return true, true
	case be*10 >= pairs*6 && odd+arOdd <= pairs/20:
		return false, true
	}
	return false, false
}

func decodeUTF16(b []byte, bigEndian bool) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	s := string(utf16.Decode(u))
	if len(b)%2 == 1 {
		s += string(utf8.RuneError)
	}
	return s
}

// arabicShare is the share of Arabic letters among all letters of s.
func arabicShare(s string) float64 {
	var ar, letters int
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.Is(unicode.Arabic, r) {
				ar++
			}
		}
	}
	if letters == 0 {
		return 0
	}
	return float64(ar) / float64(letters)
}
