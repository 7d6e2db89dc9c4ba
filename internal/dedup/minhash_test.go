package dedup

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func fixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// exactJaccard computes the true Jaccard similarity of the shingle sets.
func exactJaccard(a, b []string) float64 {
	set := func(ws []string) map[string]bool {
		m := map[string]bool{}
		for i := 0; i+ShingleSize <= len(ws); i++ {
			m[strings.Join(ws[i:i+ShingleSize], " ")] = true
		}
		return m
	}
	sa, sb := set(a), set(b)
	inter := 0
	for k := range sa {
		if sb[k] {
			inter++
		}
	}
	union := len(sa) + len(sb) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

func TestNearDuplicates(t *testing.T) {
	orig := SignatureText(fixture(t, "original.txt"))
	if orig == nil {
		t.Fatal("original.txt got no signature")
	}
	tests := []struct {
		file string
		dupe bool
	}{
		{"original.txt", true},
		{"republished.txt", true}, // same body, other header and footer
		{"edited.txt", true},      // three words changed
		{"same_event.txt", false}, // another outlet's own report of the event
		{"other_event.txt", false},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			text := fixture(t, tc.file)
			sig := SignatureText(text)
			sim := Similarity(orig, sig)
			exact := exactJaccard(strings.Fields(fixture(t, "original.txt")), strings.Fields(text))
			t.Logf("estimated %.3f exact %.3f", sim, exact)
			if got := IsNearDuplicate(orig, sig); got != tc.dupe {
				t.Errorf("IsNearDuplicate = %v (similarity %.3f), want %v", got, sim, tc.dupe)
			}
			if d := sim - exact; d > 0.12 || d < -0.12 {
				t.Errorf("estimate %.3f too far from exact Jaccard %.3f", sim, exact)
			}
			// Near-duplicates must share at least one band (they are found).
			if tc.dupe {
				shared := 0
				for i, h := range Bands(sig) {
					if Bands(orig)[i] == h {
						shared++
					}
				}
				if shared == 0 {
					t.Errorf("no shared band")
				}
			}
		})
	}
}

func TestShortDocsDoNotParticipate(t *testing.T) {
	if sig := SignatureText(fixture(t, "short.txt")); sig != nil {
		t.Errorf("short text got a signature")
	}
	if sig := SignatureText(""); sig != nil {
		t.Errorf("empty text got a signature")
	}
	words := strings.Fields(fixture(t, "original.txt"))
	if Signature(words[:ShingleSize+MinShingles-2]) != nil {
		t.Errorf("%d shingles got a signature", MinShingles-1)
	}
	if Signature(words[:ShingleSize+MinShingles-1]) == nil {
		t.Errorf("%d shingles got no signature", MinShingles)
	}
	if IsNearDuplicate(nil, nil) {
		t.Errorf("two missing signatures are near-duplicates")
	}
	if Bands(nil) != nil || Bands(make([]uint64, 3)) != nil {
		t.Errorf("Bands of a partial signature is not nil")
	}
}

func TestSignatureTextMatchesSignature(t *testing.T) {
	text := fixture(t, "republished.txt")
	a := SignatureText(text)
	b := Signature(strings.Fields(text))
	if Similarity(a, b) != 1 {
		t.Errorf("SignatureText and Signature(Fields) differ")
	}
	// Whitespace kind and runs do not matter.
	c := SignatureText(strings.ReplaceAll(text, " ", " \t\n "))
	if Similarity(a, c) != 1 {
		t.Errorf("whitespace changed the signature")
	}
	// Order of words matters.
	w := strings.Fields(text)
	for i, j := 0, len(w)-1; i < j; i, j = i+1, j-1 {
		w[i], w[j] = w[j], w[i]
	}
	if s := Similarity(a, Signature(w)); s > 0.1 {
		t.Errorf("reversed text similarity %.2f", s)
	}
}

// TestEstimateAccuracy checks the estimator against exact Jaccard over
// synthetic documents with a controlled share of replaced words.
func TestEstimateAccuracy(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	vocab := make([]string, 5000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%d", i)
	}
	for _, edits := range []int{0, 2, 5, 10, 20, 40, 80} {
		base := make([]string, 400)
		for i := range base {
			base[i] = vocab[r.IntN(len(vocab))]
		}
		other := append([]string(nil), base...)
		for range edits {
			other[r.IntN(len(other))] = vocab[r.IntN(len(vocab))]
		}
		exact := exactJaccard(base, other)
		est := Similarity(Signature(base), Signature(other))
		if d := est - exact; d > 0.13 || d < -0.13 {
			t.Errorf("%d edits: estimate %.3f, exact %.3f", edits, est, exact)
		}
	}
}

func TestBands(t *testing.T) {
	sig := SignatureText(fixture(t, "original.txt"))
	b1 := Bands(sig)
	if len(b1) != NumBands {
		t.Fatalf("len(Bands) = %d", len(b1))
	}
	mod := append([]uint64(nil), sig...)
	mod[BandRows*3+1]++ // a position of band 3
	b2 := Bands(mod)
	for i := range b1 {
		if (b1[i] == b2[i]) != (i != 3) {
			t.Errorf("band %d: equal=%v", i, b1[i] == b2[i])
		}
	}
	// Identical rows in different bands hash differently.
	flat := make([]uint64, NumHashes)
	b3 := Bands(flat)
	if b3[0] == b3[1] {
		t.Errorf("bands 0 and 1 of a constant signature collide")
	}
}

func TestGroups(t *testing.T) {
	pairs := [][2]string{{"d5", "d3"}, {"d9", "d7"}, {"d3", "d1"}, {"d7", "d8"}, {"x", "x"}}
	want := map[string]string{"d1": "d1", "d3": "d1", "d5": "d1", "d7": "d7", "d8": "d7", "d9": "d7", "x": "x"}
	r := rand.New(rand.NewPCG(3, 4))
	for trial := range 20 {
		var g Groups
		for _, i := range r.Perm(len(pairs)) {
			p := pairs[i]
			if trial%2 == 1 {
				p[0], p[1] = p[1], p[0]
			}
			g.Union(p[0], p[1])
		}
		got := g.Members()
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("trial %d: %v, want %v", trial, got, want)
		}
		if g.Find("lonely") != "lonely" {
			t.Errorf("Find of unknown id")
		}
	}
}

func TestKeys(t *testing.T) {
	if got := Keys(" a  b\tc "); fmt.Sprint(got) != "[a b c]" {
		t.Errorf("Keys = %q", got)
	}
}

func FuzzSignatureText(f *testing.F) {
	f.Add(fixture(f, "original.txt"))
	f.Add(fixture(f, "short.txt"))
	f.Add("a b c d e f g h i j k l m n o p q r s t u v w x y z")
	f.Add("\xff\xfe \x00")
	f.Fuzz(func(t *testing.T, s string) {
		a := SignatureText(s)
		b := Signature(Keys(s))
		if (a == nil) != (b == nil) {
			t.Fatalf("SignatureText nil=%v, Signature nil=%v", a == nil, b == nil)
		}
		if a != nil {
			if len(a) != NumHashes || Similarity(a, b) != 1 {
				t.Fatalf("SignatureText and Signature differ")
			}
			if len(Bands(a)) != NumBands {
				t.Fatalf("bands")
			}
		}
	})
}

func BenchmarkSignatureText(b *testing.B) {
	text := strings.Repeat(fixture(b, "original.txt")+" ", 20) // ~2,500 words
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		SignatureText(text)
	}
}

func BenchmarkSimilarity(b *testing.B) {
	x := SignatureText(fixture(b, "original.txt"))
	y := SignatureText(fixture(b, "edited.txt"))
	b.ReportAllocs()
	for b.Loop() {
		Similarity(x, y)
	}
}
