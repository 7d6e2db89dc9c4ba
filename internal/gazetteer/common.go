package gazetteer

import (
	_ "embed"
	"strings"
)

// common_names.txt lists gazetteer names that are also common words or
// names of places outside Syria (الباب "the door", التل "the hill", جناة
// "culprits"): a mention of one counts as a place only with a place-type
// cue, a direction word, a locating phrase after it ("... بريف حلب") or
// among other places. The list is derived from data, see the file's header
// and TestCommonNamesFile.
//
//go:embed common_names.txt
var commonNamesFile string

// commonNames holds the folded names of common_names.txt.
var commonNames = parseCommonNames(commonNamesFile)

func parseCommonNames(s string) map[string]bool {
	out := map[string]bool{}
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		name, _, _ := strings.Cut(line, "\t")
		if k := Fold(name); k != "" {
			out[k] = true
		}
	}
	return out
}
