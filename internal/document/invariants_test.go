package document

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// checkInvariants verifies what Clean guarantees: removals sorted, in
// range, not overlapping, on UTF-8 boundaries, each Text equal to its raw
// span, touching removals of different reasons, and Text equal to raw with
// every removal cut out.
func checkInvariants(t testing.TB, raw, text string, removed []Removal) {
	t.Helper()
	var b strings.Builder
	pos := 0
	valid := utf8.ValidString(raw)
	for i, r := range removed {
		if r.Start < pos || r.Start >= r.End || r.End > len(raw) {
			t.Fatalf("removal %d [%d,%d) %s out of order or range (previous end %d, raw %d bytes)", i, r.Start, r.End, r.Reason, pos, len(raw))
		}
		if i > 0 && removed[i-1].End == r.Start && removed[i-1].Reason == r.Reason {
			t.Fatalf("removals %d and %d touch with the same reason %s (not merged)", i-1, i, r.Reason)
		}
		if r.Reason == "" {
			t.Fatalf("removal %d [%d,%d) has no reason", i, r.Start, r.End)
		}
		if raw[r.Start:r.End] != r.Text {
			t.Fatalf("removal %d text %q != raw span %q", i, r.Text, raw[r.Start:r.End])
		}
		if valid && (!utf8.RuneStart(raw[r.Start]) || r.End < len(raw) && !utf8.RuneStart(raw[r.End])) {
			t.Fatalf("removal %d [%d,%d) cuts a UTF-8 sequence", i, r.Start, r.End)
		}
		b.WriteString(raw[pos:r.Start])
		pos = r.End
	}
	b.WriteString(raw[pos:])
	if b.String() != text {
		t.Fatalf("raw minus removals != text\nrebuilt: %q\ntext:    %q", b.String(), text)
	}
	if valid && !utf8.ValidString(text) {
		t.Fatalf("text is not valid UTF-8")
	}
}
