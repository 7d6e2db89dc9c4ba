// Package search turns what a user types into a full-text query over the
// search keys rasad indexes (package arabic's SearchKey: clitics stripped,
// light stem, normalized spelling), so "مدني" finds "المدنيين" and "قصف"
// finds "والقصف"; and it cuts snippets with the matching words marked.
//
// Query syntax (nothing in it can produce an SQLite error):
//
//	قصف مدنيين        both words (AND), in any form: المدنيين, بقصف, ...
//	"دير الزور"       a phrase: the words next to each other
//	قصف OR غارة       either (OR binds the two neighbouring items)
//	قصف -تركيا        excluding documents with the word
//
// Arabic function words (في، من، على ...) outside phrases are dropped when
// other words remain. A name written joined with its article
// ("ديرالزور", "عبدالله") also matches the split form ("دير الزور") and
// the reverse.
package search

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"rasad/internal/arabic"
)

// ErrEmptyQuery is returned (wrapped) when a query has no word to search
// for.
var ErrEmptyQuery = errors.New("query has no words to search for")

// MaxTerms is the largest number of words a query may have.
const MaxTerms = 32

// maxVariants caps the spellings a phrase expands to.
const maxVariants = 8

// Terms are the search keys of a query's words, for highlighting.
type Terms struct {
	Keys     []string `json:"keys"`               // keys of the included words and their alternatives, distinct, in query order
	Excluded []string `json:"excluded,omitempty"` // keys of excluded (-word) words
}

// Has reports whether key is one of t.Keys.
func (t Terms) Has(key string) bool {
	for _, k := range t.Keys {
		if k == key {
			return true
		}
	}
	return false
}

func (t *Terms) add(keys ...string) {
	for _, k := range keys {
		if k != "" && !t.Has(k) {
			t.Keys = append(t.Keys, k)
		}
	}
}

// stopWords are Arabic function words, folded (arabic.Fold).
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`في من على الى إلى عن مع او أو ثم ان أن إن لا لم لن ما قد هذا هذه ذلك تلك
		هو هي هم التي الذي الذين كان كانت كما حتى و ف ب ل عند لدى منذ اي أي وفي ومن وعلى والى وإلى`) {
		stopWords[arabic.Fold(w)] = true
	}
}

// word is one query word: its folded form and its search key.
type word struct {
	norm string
	key  string
}

// item is one element of the query: a word, a phrase, or two words that
// may also be written joined.
type item struct {
	words   []word // phrase words (one for a single word)
	phrase  bool
	exclude bool
	or      bool // an OR joins this item to the previous one
}

// Parse turns a user query into an FTS5 MATCH expression over search keys
// (for store.Query.Match) and the query's terms (for Snippet). Every key is
// quoted, so user input never reaches FTS5 as syntax. The error wraps
// ErrEmptyQuery when no word is left to search for.
func Parse(query string) (match string, terms Terms, err error) {
	items, err := lex(query)
	if err != nil {
		return "", Terms{}, err
	}
	items = dropStopWords(items)

	var pos, neg []string
	for i := 0; i < len(items); i++ {
		it := items[i]
		var expr string
		if !it.phrase && !it.exclude && i+1 < len(items) && joinable(it, items[i+1]) {
			// Two words, the second starting with the article: also the
			// joined spelling ("دير الزور" finds "ديرالزور").
			next := items[i+1]
			a, b := it.words[0], next.words[0]
			joined := keyOf(a.norm + b.norm)
			expr = "(" + quote(a.key) + " AND " + quote(b.key) + ")"
			terms.add(a.key, b.key)
			if joined != "" && joined != a.key && joined != b.key {
				expr = "(" + expr + " OR " + quote(joined) + ")"
				terms.add(joined)
			}
			i++
		} else {
			expr = itemExpr(it, &terms)
		}
		if expr == "" {
			continue
		}
		if it.exclude {
			neg = append(neg, expr)
			for _, w := range it.words {
				terms.Excluded = append(terms.Excluded, w.key)
			}
			continue
		}
		if it.or && len(pos) > 0 {
			pos[len(pos)-1] = "(" + pos[len(pos)-1] + " OR " + expr + ")"
			continue
		}
		pos = append(pos, expr)
	}
	if len(pos) == 0 {
		if len(neg) > 0 {
			return "", Terms{}, fmt.Errorf("%w: only excluded words in %q", ErrEmptyQuery, query)
		}
		return "", Terms{}, fmt.Errorf("%w: %q", ErrEmptyQuery, query)
	}
	match = strings.Join(pos, " AND ")
	for _, n := range neg {
		match = "(" + match + ") NOT " + n
	}
	return match, terms, nil
}

// itemExpr is the expression of a single word or a phrase, with the
// split/joined alternatives of words joined with their article.
func itemExpr(it item, terms *Terms) string {
	if !it.phrase {
		w := it.words[0]
		if !it.exclude {
			terms.add(w.key)
		}
		alt := splitArticle(w.norm)
		if alt == nil {
			return quote(w.key)
		}
		if !it.exclude {
			terms.add(alt...)
		}
		return "(" + quote(w.key) + " OR " + quote(alt...) + ")"
	}
	// A phrase: a word joined with its article may also be written split,
	// and two words the second of which starts with the article may also
	// be written joined (at most maxVariants variants).
	ws := it.words
	var variants [][]string
	var walk func(i int, acc []string)
	walk = func(i int, acc []string) {
		if len(variants) >= maxVariants {
			return
		}
		if i == len(ws) {
			variants = append(variants, append([]string(nil), acc...))
			return
		}
		walk(i+1, append(acc, ws[i].key))
		if alt := splitArticle(ws[i].norm); alt != nil {
			walk(i+1, append(acc, alt...))
		}
		if i+1 < len(ws) && joinable(item{words: ws[i : i+1]}, item{words: ws[i+1 : i+2]}) {
			if j := keyOf(ws[i].norm + ws[i+1].norm); j != "" && j != ws[i].key {
				walk(i+2, append(acc, j))
			}
		}
	}
	walk(0, make([]string, 0, len(ws)))
	if !it.exclude {
		for _, v := range variants {
			terms.add(v...)
		}
	}
	exprs := make([]string, len(variants))
	for i, v := range variants {
		exprs[i] = quote(v...)
	}
	if len(exprs) == 1 {
		return exprs[0]
	}
	return "(" + strings.Join(exprs, " OR ") + ")"
}

// quote makes an FTS5 string of keys: a phrase of them, in order.
func quote(keys ...string) string {
	return `"` + strings.ReplaceAll(strings.Join(keys, " "), `"`, `""`) + `"`
}

// joinable reports whether items a and b are two plain words, the second
// starting with the article ال followed by at least two letters, the first
// of at least two letters.
func joinable(a, b item) bool {
	if a.phrase || b.phrase || a.exclude || b.exclude || b.or || len(a.words) != 1 || len(b.words) != 1 {
		return false
	}
	an, bn := a.words[0].norm, b.words[0].norm
	return isArabicWord(an) && isArabicWord(bn) && utf8.RuneCountInString(an) >= 2 &&
		strings.HasPrefix(bn, "ال") && utf8.RuneCountInString(bn) >= 4
}

// splitArticle returns the keys of a folded word split before an inner
// article: "ديرالزور" → keys of "دير", "الزور". The article must follow at
// least two letters and be followed by at least two. nil when the word has
// no such article.
func splitArticle(norm string) []string {
	if !isArabicWord(norm) {
		return nil
	}
	runes := 0
	for i := range norm {
		if runes >= 2 && strings.HasPrefix(norm[i:], "ال") && utf8.RuneCountInString(norm[i+len("ال"):]) >= 2 {
			a, b := keyOf(norm[:i]), keyOf(norm[i:])
			if a == "" || b == "" {
				return nil
			}
			return []string{a, b}
		}
		runes++
	}
	return nil
}

func isArabicWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.Is(unicode.Arabic, r) || !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// keyOf is the search key of one word exactly as the index computes it.
func keyOf(w string) string {
	return strings.TrimSpace(string(arabic.AppendSearchKeys(nil, w)))
}

// lex splits a query into items: quoted phrases ("...", “...”, «...»),
// words, -excluded words and the OR operator. Punctuation inside a word
// ("covid-19") makes it a phrase of its tokens.
func lex(q string) ([]item, error) {
	var items []item
	nwords := 0
	pendingOr := false
	addWords := func(text string, phrase, exclude bool) {
		var ws []word
		for _, t := range arabic.Tokenize(text) {
			if t.Kind != arabic.Word && t.Kind != arabic.Latin && t.Kind != arabic.Numeral {
				continue
			}
			k := keyOf(text[t.Start:t.End])
			if !usableKey(k) {
				continue
			}
			ws = append(ws, word{norm: t.Norm, key: k})
		}
		if len(ws) == 0 {
			return
		}
		nwords += len(ws)
		if !phrase && len(ws) > 1 {
			phrase = true
		}
		items = append(items, item{words: ws, phrase: phrase, exclude: exclude, or: pendingOr && !exclude && len(items) > 0})
		pendingOr = false
	}
	i := 0
	for i < len(q) {
		r, n := utf8.DecodeRuneInString(q[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case r == '"' || r == '“' || r == '«' || r == '”':
			closer := map[rune]rune{'"': '"', '“': '”', '«': '»', '”': '”'}[r]
			j := strings.IndexRune(q[i+n:], closer)
			if j < 0 && r == '“' {
				j = strings.IndexRune(q[i+n:], '"')
			}
			end, next := len(q), len(q)
			if j >= 0 {
				end = i + n + j
				_, cn := utf8.DecodeRuneInString(q[end:])
				next = end + cn
			}
			addWords(q[i+n:end], true, false)
			i = next
		default:
			j := i
			for j < len(q) {
				r2, n2 := utf8.DecodeRuneInString(q[j:])
				if unicode.IsSpace(r2) || r2 == '"' || r2 == '“' || r2 == '«' {
					break
				}
				j += n2
			}
			chunk := q[i:j]
			i = j
			if chunk == "OR" || chunk == "|" {
				pendingOr = true
				continue
			}
			exclude := false
			if c := chunk[0]; c == '-' && len(chunk) > 1 {
				exclude = true
				chunk = chunk[1:]
			}
			addWords(chunk, false, exclude)
		}
		if nwords > MaxTerms {
			return nil, fmt.Errorf("query has more than %d words", MaxTerms)
		}
	}
	return items, nil
}

// usableKey reports whether FTS5's ascii tokenizer finds a token in k (it
// splits at ASCII characters other than letters and digits).
func usableKey(k string) bool {
	for i := 0; i < len(k); i++ {
		c := k[i]
		if c >= 0x80 || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			return true
		}
	}
	return false
}

// dropStopWords removes single function words that are neither excluded
// nor part of an OR, when something else remains.
func dropStopWords(items []item) []item {
	isStop := func(i int) bool {
		it := items[i]
		if it.phrase || it.exclude || it.or || (i+1 < len(items) && items[i+1].or) {
			return false
		}
		return stopWords[it.words[0].norm]
	}
	keep := 0
	for i := range items {
		if !items[i].exclude && !isStop(i) {
			keep++
		}
	}
	if keep == 0 {
		return items
	}
	out := items[:0:0]
	for i := range items {
		if !isStop(i) {
			out = append(out, items[i])
		}
	}
	return out
}
