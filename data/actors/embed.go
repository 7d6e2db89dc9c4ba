// Package actors holds rasad's actor lexicon data (see README.md): the
// surface forms of every canonical actor, back-reference words, the closed
// word classes that compose actor phrases, and the cited sources. Package
// rasad/internal/actors loads and matches it.
package actors

import "embed"

// FS holds lexicon.tsv, backrefs.tsv, grammar.tsv and sources.tsv.
//
//go:embed *.tsv
var FS embed.FS
