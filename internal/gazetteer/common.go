package gazetteer

import (
	_ "embed"
	"strconv"
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

// commonNames maps the folded names of common_names.txt to the number of
// articles about other things than Syria that use them.
var commonNames = parseCommonNames(commonNamesFile)

// veryCommon is the article count from which a name needs more evidence
// (a list of three places rather than two, a preposition before "X بريف Y").
const veryCommon = 30

func parseCommonNames(s string) map[string]int {
	out := map[string]int{}
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		n := veryCommon
		if len(f) > 1 {
			if v, err := strconv.Atoi(f[1]); err == nil {
				n = v
			}
		}
		if k := Fold(f[0]); k != "" {
			out[k] = n
		}
	}
	return out
}
