// Package dedup finds near-duplicate documents: the same report republished
// under another header or footer, or with a few words changed. It is pure
// computation (no storage): MinHash signatures over word shingles of search
// keys, their estimated Jaccard similarity, LSH band hashes to find candidate
// pairs without comparing every pair, and grouping of pairs into groups.
//
// How the pieces fit (the store does this inside its write transaction):
//
//  1. sig := SignatureText(indexText) — nil for documents with fewer than
//     MinShingles shingles, which never take part in near-duplicate detection;
//  2. for each (band, hash) of Bands(sig), earlier documents with the same
//     band hash are candidates;
//  3. a candidate is a near-duplicate when Similarity(sig, its sig) >= Threshold;
//  4. groups are the connected components of near-duplicate pairs, named by
//     their smallest document id (see Groups), so a group's id does not depend
//     on the order documents were ingested in.
package dedup

import (
	"math"
	"strings"
)

const (
	// ShingleSize is the number of consecutive search keys in a shingle.
	ShingleSize = 5
	// NumHashes is the length of a signature.
	NumHashes = 128
	// BandRows is the number of signature positions hashed into one band.
	BandRows = 3
	// NumBands is the number of LSH bands of a signature; they cover its
	// first NumBands*BandRows positions. Fewer, narrower bands find pairs
	// at Jaccard >= 0.6 as reliably as 32 bands of 4 rows, with half the
	// band rows to store, at the price of more candidates in 0.3-0.5 that
	// Similarity then rejects.
	NumBands = 16
	// MinShingles is the number of shingles (keys - ShingleSize + 1) a
	// document needs to get a signature; shorter documents (a headline, a
	// one-line flash) would match on boilerplate alone and do not
	// participate.
	MinShingles = 20
	// Threshold is the estimated Jaccard similarity of shingle sets from
	// which two documents are near-duplicates. A 300-word article
	// republished with a 30-word header and footer added scores about 0.8;
	// two outlets' own reports on the same event score well under 0.2.
	//
	// With 16 bands of 3 rows, a pair at Jaccard s becomes a candidate with
	// probability 1-(1-s^3)^16: 0.98 at s=0.6, 0.9988 at s=0.7, 0.99999 at
	// s=0.8 (and 0.35 at s=0.3, 0.016 at s=0.1: rejected by Similarity).
	Threshold = 0.7
)

// perm holds the multipliers (odd) and offsets of the NumHashes hash
// functions h_i(x) = a_i*x + b_i (mod 2^64), each a bijection of the 64-bit
// shingle hash. They are derived from a fixed seed: signatures are stored, so
// they must be the same in every process and every version.
var perm struct {
	a, b [NumHashes]uint64
}

func init() {
	s := uint64(0x72617361642d6d68) // "rasad-mh"
	for i := range NumHashes {
		perm.a[i] = splitmix(&s) | 1
		perm.b[i] = splitmix(&s)
	}
}

func splitmix(s *uint64) uint64 {
	*s += 0x9e3779b97f4a7c15
	z := *s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// fmix is the 64-bit finalizer of MurmurHash3: a bijection that spreads
// every input bit over the whole word.
func fmix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// wordHash is FNV-1a over the key's bytes, finalized.
func wordHash(w string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= 1099511628211
	}
	return fmix(h)
}

// shingler turns a stream of word hashes into shingle hashes and folds them
// into a signature.
type shingler struct {
	ring [ShingleSize]uint64
	n    int // words seen
	sig  [NumHashes]uint64
}

func (s *shingler) reset() {
	s.n = 0
	for i := range s.sig {
		s.sig[i] = math.MaxUint64
	}
}

func (s *shingler) add(wh uint64) {
	s.ring[s.n%ShingleSize] = wh
	s.n++
	if s.n < ShingleSize {
		return
	}
	// Combine the window in order (oldest first): order matters, so
	// "a b c d e" and "e d c b a" are different shingles.
	h := uint64(0x6a09e667f3bcc908)
	for k := range ShingleSize {
		h = (h ^ s.ring[(s.n+k)%ShingleSize]) * 0x9e3779b97f4a7c15
		h = h<<31 | h>>33
	}
	h = fmix(h)
	sig := &s.sig
	for i := range NumHashes {
		if v := perm.a[i]*h + perm.b[i]; v < sig[i] {
			sig[i] = v
		}
	}
}

func (s *shingler) result() []uint64 {
	if s.n-ShingleSize+1 < MinShingles {
		return nil
	}
	out := make([]uint64, NumHashes)
	copy(out, s.sig[:])
	return out
}

// Signature returns the MinHash signature (NumHashes values) of the
// ShingleSize-word shingles of keys, or nil when keys make fewer than
// MinShingles shingles. Empty keys are skipped.
func Signature(keys []string) []uint64 {
	var s shingler
	s.reset()
	for _, k := range keys {
		if k == "" {
			continue
		}
		s.add(wordHash(k))
	}
	return s.result()
}

// SignatureText is Signature over the space-separated keys of indexText (the
// search keys a document is indexed under), without splitting it into a
// slice. Any ASCII whitespace separates keys.
func SignatureText(indexText string) []uint64 {
	var s shingler
	s.reset()
	i := 0
	for i < len(indexText) {
		for i < len(indexText) && isSpace(indexText[i]) {
			i++
		}
		j := i
		for j < len(indexText) && !isSpace(indexText[j]) {
			j++
		}
		if j > i {
			s.add(wordHash(indexText[i:j]))
		}
		i = j
	}
	return s.result()
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
}

// Similarity estimates the Jaccard similarity of the shingle sets behind two
// signatures: the share of positions where they agree. It is 0 when either
// signature is missing or their lengths differ.
func Similarity(a, b []uint64) float64 {
	if len(a) == 0 || len(a) != len(b) {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / float64(len(a))
}

// IsNearDuplicate reports whether two signatures are near-duplicates:
// Similarity(a, b) >= Threshold.
func IsNearDuplicate(a, b []uint64) bool {
	return len(a) > 0 && Similarity(a, b) >= Threshold
}

// Bands returns the NumBands LSH band hashes of sig (element i is band i),
// or nil when sig is not a full signature. Two signatures share band i's hash
// exactly when they agree on all BandRows positions of band i (up to 64-bit
// hash collisions).
func Bands(sig []uint64) []uint64 {
	if len(sig) != NumHashes {
		return nil
	}
	out := make([]uint64, NumBands)
	for b := range NumBands {
		h := uint64(b+1) * 0x9e3779b97f4a7c15
		for _, v := range sig[b*BandRows : (b+1)*BandRows] {
			h = fmix(h ^ v)
		}
		out[b] = h
	}
	return out
}

// Groups is a union-find over document ids whose group id is the smallest
// id (byte-wise string order) of the group, so the grouping of a set of
// pairs does not depend on the order the pairs are added in.
type Groups struct {
	parent map[string]string
}

// Union records that a and b are near-duplicates.
func (g *Groups) Union(a, b string) {
	if g.parent == nil {
		g.parent = make(map[string]string)
	}
	ra, rb := g.Find(a), g.Find(b)
	if ra == rb {
		g.parent[ra] = ra
		return
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	g.parent[ra] = ra
	g.parent[rb] = ra
}

// Find returns the group id of a: the smallest id in its group, a itself
// when it was never united with another id.
func (g *Groups) Find(a string) string {
	root := a
	for {
		p, ok := g.parent[root]
		if !ok || p == root {
			break
		}
		root = p
	}
	for a != root { // path compression
		p := g.parent[a]
		g.parent[a] = root
		a = p
	}
	return root
}

// Members returns every id that was united with another, mapped to its
// group id.
func (g *Groups) Members() map[string]string {
	out := make(map[string]string, len(g.parent))
	for id := range g.parent {
		out[id] = g.Find(id)
	}
	return out
}

// Keys splits index text into its keys at ASCII whitespace, as SignatureText
// does (a convenience for callers that want Signature's input).
func Keys(indexText string) []string {
	return strings.FieldsFunc(indexText, func(r rune) bool { return r < 0x80 && isSpace(byte(r)) })
}
