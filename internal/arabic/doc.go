// Package arabic is rasad's analysis stage and the one place where rules
// about Arabic text live. Every other stage (cleaning, search, gazetteer,
// actor lexicon, number and event extraction) calls it.
//
//   - Normalization: Fold (matching keys: diacritics, tatweel and invisible
//     controls removed, alef/yeh/heh/kaf variants and hamza seats unified,
//     digits made ASCII, presentation forms decomposed, letters lowercased),
//     FoldMap (the same with a map back to original byte offsets) and
//     NewFolder (the same as a streaming transform.Transformer). The exact
//     decisions are listed in fold.go.
//   - Tokenization and sentence splitting: Analyze (one pass, the hot
//     path), Tokenize, Sentences and Clauses. Sentences do not break at
//     the Arabic comma; Clauses do.
//   - Morphology for matching and search: Segment / StripClitics (proclitics
//     و ف ب ل ك ال لل, with a lexicon of words whose first letter only
//     looks like one), Stem (light, idempotent suffix stemmer), SearchKey
//     and AppendSearchKeys (allocation-free full-text keys).
//   - Quantities: Numbers and ParseNumber find counts written in digits,
//     words, duals of counted nouns and vague words, with their qualifiers
//     (more_than, at_least, about, range, ...), and skip dates, times,
//     years and labels (see Number).
//
// All functions accept any input, including invalid UTF-8, without
// panicking. Offsets are byte offsets into the caller's text.
package arabic
