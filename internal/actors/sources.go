package actors

import "rasad/internal/arabic"

// FindSources returns the cited sources (sources.tsv) named in text, in
// order, given its tokens; nil toks tokenizes text. The longest form wins;
// proclitics on the first word are allowed ("لسانا", "وبحسب المرصد" needs
// the full name of the monitor earlier in the text).
func (l *Lexicon) FindSources(text string, toks []arabic.Token) []SourceMention {
	if l == nil || l.sroot == nil {
		return nil
	}
	if toks == nil {
		toks = arabic.Tokenize(text)
	}
	m := getMatcher(l, text, toks)
	defer putMatcher(m)
	var out []SourceMention
	seen := map[string]bool{}
	for i := 0; i < len(m.ct); {
		var best *srcEntry
		bestEnd, bestSkip := 0, 0
		m.walk(l.sroot, i, true, func(n *node, end, skip int) {
			if s := n.src; s != nil && (!s.prior || seen[s.Name]) &&
				(end > bestEnd || end == bestEnd && skip < bestSkip) {
				best, bestEnd, bestSkip = s, end, skip
			}
		})
		if best == nil {
			i++
			continue
		}
		if !best.prior {
			seen[best.Name] = true
		}
		start := rawSkip(text, m.ct[i], bestSkip)
		end := m.ct[bestEnd-1].end
		out = append(out, SourceMention{Start: start, End: end, Text: text[start:end], Source: best.Source})
		i = bestEnd
	}
	return out
}
