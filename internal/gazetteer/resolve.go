package gazetteer

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"rasad/internal/arabic"
)

// head returns the first token of mention k's phrase: its direction word,
// cue or name.
func (r *recognizer) head(k int) int {
	ms := &r.ms[k]
	h := ms.a
	if ms.cue >= 0 && ms.cue < h {
		h = ms.cue
	}
	if ms.dir >= 0 && ms.dir < h {
		h = ms.dir
	}
	return h
}

// locative words that may stand between a place and the place locating it
// ("قرية X التابعة لمنطقة Y").
var locWords = map[string]bool{}

func init() {
	for _, w := range []string{"التابعة", "التابع", "الواقعة", "الواقع", "ضمن", "داخل"} {
		locWords[arabic.Fold(w)] = true
	}
}

// locate links each mention to a place that locates it right after it:
// "X بريف Y", "X في محافظة Y", "X شرق Y", "X (Y)".
func (r *recognizer) locate() {
	for k := range r.ms {
		if r.ms[k].drop {
			continue
		}
		k2 := k + 1
		for k2 < len(r.ms) && r.ms[k2].drop {
			k2++
		}
		if k2 >= len(r.ms) {
			return
		}
		if r.ms[k2].ids == nil || r.ms[k2].inList {
			continue
		}
		from, to := r.ms[k].b, r.ms[k2].a
		if to-from > 5 || to < from || r.brokenBetween(from-1, to) {
			continue
		}
		marked := r.toks[to].Norm != "" && r.ms[k2].off > 0 && strings.HasPrefix(r.toks[to].Norm, "ب")
		admin := false
		if p := &r.g.Places[r.ms[k2].ids[0]]; p.Kind == Governorate || p.Kind == Region || strings.HasPrefix(p.Name, "ريف ") {
			admin = marked // X بحلب, X بريف حلب الشرقي
		}
		good := true
		for j := from; j < to; j++ {
			p := r.punct(j)
			if p != "" {
				if p == "(" || p == "\"" {
					if j == from && j == to-1 {
						marked = true // X (Y)
					}
					continue
				}
				good = false
				break
			}
			e, off, _ := r.lex(j)
			switch {
			case e.cue != 0 && (r.m.cues[e.cue-1].class == cueType || r.m.cues[e.cue-1].class == cueCountryside):
				marked = true
				switch r.m.cues[e.cue-1].kind {
				case Region, Governorate, Subdistrict:
					admin = true // بريف X, بمحافظة X, في منطقة X, في ناحية X
				}
			case e.flags&lexDirection != 0:
				marked, admin = true, true
			case e.flags&lexNear != 0:
				marked = true
			case e.flags&lexIn != 0:
				marked = true
			case off == 0 && r.ok(j) && locWords[r.toks[j].Norm]:
				marked = true
			default:
				good = false
			}
			if !good {
				break
			}
		}
		if good && marked {
			r.ms[k].loc = k2
			r.ms[k].locAdmin = admin
		}
	}
}

// adjacent reports whether mentions k1 < k2 stand side by side in a list:
// only commas, hyphens, slashes, quotes or a lone و between them, or و
// written on the second.
func (r *recognizer) adjacent(k1, k2 int) bool {
	from, to := r.ms[k1].b, r.head(k2)
	if to < from || to-from > 3 || r.brokenBetween(from-1, to) {
		return false
	}
	sep := false
	for j := from; j < to; j++ {
		switch p := r.punct(j); {
		case isComma(p), p == "-", p == "/", p == "–":
			sep = true
		case isOpenQuote(p), isCloseQuote(p):
		case p == "" && r.ok(j) && r.toks[j].Norm == "و":
			sep = true
		default:
			return false
		}
	}
	return sep || r.hasConj(to)
}

// Evidence levels a gazetteer name needs to count as a place.
const (
	needNone   = iota // an ordinary name
	needWeak          // a name of common_names.txt used in fewer than veryCommon articles, or a bare village name
	needStrong        // a very common name (الباب, دوما, خالد)
	needStrict        // a lexicon word or an adjective (ظهر, المدينة, الكردية)
)

// need returns the evidence level mention k needs.
func (r *recognizer) need(k int) int {
	ms := &r.ms[k]
	nd := &r.m.nodes[ms.node]
	switch {
	case nd.lexical, nd.common && adjectiveShaped(nd.key), r.suffixedTaMarbuta(k):
		return needStrict
	case nd.veryCommon:
		return needStrong
	case nd.common:
		return needWeak
	case bareVillages && ms.b == ms.a+1 && r.g.Places[ms.ids[0]].Rank <= 300:
		return needWeak
	case r.g.Places[ms.ids[0]].Rank <= 300 && personHead(nd.key):
		return needWeak // أبو عمر: a village, or a man
	}
	return needNone
}

// bareVillages: a one-word village name (the sources' villages, rank 300)
// needs the evidence a less common word needs: thousands of villages bear
// rare words and names of people (بشار, مشير, دفة), while reports name a
// village with a cue, in a list, beside another place or after a
// preposition of place.
const bareVillages = true

// gate drops the names that are also common words when nothing around
// them says they are places, and rivers named without نهر:
//   - a lexicon word or an adjective (ظهر, المدينة, الكردية) only after a
//     singular place-type cue, with the article (بلدة الجديدة), or as an
//     item of a cue's list (not a lexicon word);
//   - a name of common_names.txt after a place-type or countryside cue, in
//     a cue's list, after a direction word, before a locating phrase
//     ("الباب بريف حلب"; a very common name also needs a preposition before
//     it), after a preposition of place when it is a town or city (في
//     دوما), or among other places: beside one (less common names) or in a
//     list of three.
func (r *recognizer) gate() {
	pending := slices.Grow(r.pending[:0], len(r.ms))[:len(r.ms)]
	clear(pending)
	r.pending = pending
	any := false
	for k := range r.ms {
		ms := &r.ms[k]
		if ms.drop || ms.node == 0 {
			continue
		}
		nd := &r.m.nodes[ms.node]
		if nd.river {
			if !(ms.cueDef != nil && ms.cueDef.class == cueRiver) && ms.dir < 0 {
				ms.drop = true
			}
			continue
		}
		if r.afterPerson(k) || r.centreOfOrg(k, nd.key) {
			ms.drop = true
			continue
		}
		need := r.need(k)
		if need == needNone || ms.feature || r.g.noGate {
			continue
		}
		typed := ms.cueDef != nil && ms.cue >= 0 && (ms.cueDef.class == cueType || ms.cueDef.class == cueFeature || ms.cueDef.class == cueSite)
		listed := ms.inList && ms.cueDef != nil
		if need == needStrict {
			if !(listed && !nd.lexical) && !(typed && ms.cueDef.count == 1 && ms.cueDef.kind != Region && strings.HasPrefix(nd.key, "ال")) {
				ms.drop = true
			}
			continue
		}
		if ms.cueDef != nil || ms.dir >= 0 && (r.isDirection(ms.dir) || need == needWeak) ||
			ms.locAdmin && (need == needWeak || r.prepBefore(k)) ||
			need == needWeak && r.towardPlace(k) && (!nd.common || r.g.Places[ms.ids[0]].Rank >= 550) {
			continue
		}
		if r.cliticsBeyondConj(k) || ms.inList {
			ms.drop = true
			continue
		}
		pending[k], any = true, true
	}
	if any {
		// Among other places, to a fixed point: a name accepted this way may
		// vouch for its neighbour. Each pass is linear; a name is accepted
		// at most once.
		prev, next := r.keptLinks()
		place := func(i int) bool { return i >= 0 && !pending[i] && !r.isCountry(i) }
		accept := func(k int) bool {
			p, n := prev[k], next[k]
			pa := place(p) && r.adjacent(p, k)
			na := place(n) && r.adjacent(k, n)
			if pa && na || (pa || na) && r.need(k) == needWeak {
				return true
			}
			return pa && place(prev[p]) && r.adjacent(prev[p], p) || na && place(next[n]) && r.adjacent(n, next[n])
		}
		work := make([]int, 0, len(r.ms))
		for k, p := range pending {
			if p {
				work = append(work, k)
			}
		}
		for len(work) > 0 {
			k := work[len(work)-1]
			work = work[:len(work)-1]
			if !pending[k] || !accept(k) {
				continue
			}
			pending[k] = false
			for _, n := range []int{prev[k], next[k]} {
				for d := 0; n >= 0 && d < 2; d++ {
					if pending[n] {
						work = append(work, n)
					}
					if n < k {
						n = prev[n]
					} else {
						n = next[n]
					}
				}
			}
		}
	}
	for k, p := range pending {
		if p {
			r.ms[k].drop = true
		}
	}
}

// keptLinks returns, for every mention, the index of the previous and the
// next mention not dropped (-1 at the ends).
func (r *recognizer) keptLinks() (prev, next []int) {
	prev, next = make([]int, len(r.ms)), make([]int, len(r.ms))
	last := -1
	for k := range r.ms {
		prev[k] = last
		if !r.ms[k].drop {
			last = k
		}
	}
	last = -1
	for k := len(r.ms) - 1; k >= 0; k-- {
		next[k] = last
		if !r.ms[k].drop {
			last = k
		}
	}
	return prev, next
}

func (r *recognizer) prevKept(k int) int {
	for k--; k >= 0; k-- {
		if !r.ms[k].drop {
			return k
		}
	}
	return -1
}

func (r *recognizer) nextKept(k int) int {
	for k++; k < len(r.ms); k++ {
		if !r.ms[k].drop {
			return k
		}
	}
	return -1
}

// isRiverName reports whether every place of node nd is a river or lake
// and the name does not itself say so (نهر الفرات, بحيرة الأسد).
func isRiverName(g *Gazetteer, nd *trieNode) bool {
	if strings.HasPrefix(nd.key, "نهر ") || strings.HasPrefix(nd.key, "بحيره ") {
		return false
	}
	for _, id := range nd.ids {
		if k := g.Places[id].Kind; k != River && k != Lake {
			return false
		}
	}
	return len(nd.ids) > 0
}

// govOf returns the governorate a place belongs to (itself for one).
func govOf(p *Place) string {
	if p.Kind == Governorate {
		return p.Name
	}
	return p.Governorate
}

// datelineBytes is how far into a text a mention counts as the dateline's.
const datelineBytes = 300

// resolve picks one place for every mention with candidates.
func (r *recognizer) resolve() {
	w := r.weights
	maxW := 0.0
	govs := r.govs
	for k := range r.ms {
		ms := &r.ms[k]
		if ms.drop {
			continue
		}
		ids := ms.ids
		if ids == nil {
			ids = ms.pids
		}
		govs = govs[:0]
		for _, id := range ids {
			if g := govOf(&r.g.Places[id]); g != "" && !slices.Contains(govs, g) {
				govs = append(govs, g)
			}
		}
		if len(govs) == 1 {
			inc := 1.0
			if r.ok(ms.a) && r.toks[ms.a].Start < datelineBytes {
				inc = 2
			}
			w[govs[0]] += inc
			maxW = max(maxW, w[govs[0]])
		}
	}
	for k := len(r.ms) - 1; k >= 0; k-- {
		ms := &r.ms[k]
		if ms.drop {
			continue
		}
		if ms.ids != nil {
			ms.place = r.best(k, ms.ids, w, maxW)
		}
		if ms.pids != nil {
			ms.pplace = r.best(k, ms.pids, w, maxW)
		}
	}
}

// best returns the best candidate of mention k among ids.
func (r *recognizer) best(k int, ids []int32, w map[string]float64, maxW float64) int32 {
	if len(ids) == 1 {
		return ids[0]
	}
	ms := &r.ms[k]
	var L *Place
	if ms.loc >= 0 && r.ms[ms.loc].place >= 0 {
		L = &r.g.Places[r.ms[ms.loc].place]
	}
	key := ""
	if ms.node != 0 {
		key = r.m.nodes[ms.node].key
	}
	bestID, bestS := ids[0], -1e9
	for _, id := range ids {
		p := &r.g.Places[id]
		s := float64(p.Rank) / 1000
		g := govOf(p)
		if L != nil {
			if g != "" && g == govOf(L) {
				s += 4
			}
			if p.District == L.Name || p.Subdistrict == L.Name || p.ParentID == L.ID {
				s++
			}
		}
		if maxW > 0 && g != "" {
			s += 2 * w[g] / maxW
		}
		s += kindBonus(ms.cueDef, p.Kind, ms.pids != nil)
		if p.Kind == Country && ms.cueDef == nil {
			s += 3 // السعودية, قطر: the country, not a village named after it
		}
		if key != "" && Fold(p.Name) == key {
			s += 0.2
		}
		if s > bestS {
			bestID, bestS = id, s
		}
	}
	return bestID
}

// kindBonus scores how well a place's kind fits the cue before its name.
func kindBonus(d *cueDef, k Kind, parent bool) float64 {
	if d == nil || parent {
		if k.IsSettlement() {
			return 0.1
		}
		return 0
	}
	switch d.class {
	case cueType:
		switch d.kind {
		case Neighbourhood:
			return b2f(k == Neighbourhood) * 1.5
		case Town:
			return b2f(k == Town || k == Village || k == City)
		case Village:
			return b2f(k == Village || k == Town)
		case City:
			return b2f(k == City || k == Town)
		case Subdistrict, Governorate:
			return b2f(k == d.kind) * 1.5
		case Region:
			return b2f(k == District || k == Region || k == Subdistrict) * 0.5
		case Camp:
			return b2f(k == Camp)
		}
	case cueCountryside:
		switch k {
		case Governorate:
			return 1
		case District:
			return 0.5
		case City:
			return 0.3
		}
	case cueSite:
		if k == d.kind {
			return 1
		}
		return b2f(k.IsSettlement()) * 0.3
	case cueRiver:
		return b2f(k == River) * 2
	}
	return 0
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// output builds the toponyms.
func (r *recognizer) output() []Toponym {
	out := make([]Toponym, 0, len(r.ms))
	var fallback *Place // the document's main governorate, for new names with no parent
	fellBack := false
	newNames := map[string]string{}
	for k := range r.ms {
		ms := &r.ms[k]
		if ms.drop || !r.ok(ms.a) || !r.ok(ms.b-1) || ms.b <= ms.a {
			continue
		}
		t := Toponym{Start: r.toks[ms.a].Start + skipLetters(r.tokText(ms.a), ms.off), End: r.toks[ms.b-1].End}
		if t.Start > t.End {
			continue
		}
		t.Text = r.text[t.Start:t.End]
		if ms.cueDef != nil && ms.cue >= 0 && r.ok(ms.cue) {
			t.Cue = ms.cueDef.lemma
			t.CueStart = r.toks[ms.cue].Start + skipLetters(r.tokText(ms.cue), ms.cueOff)
		} else if ms.cueDef != nil {
			t.Cue = ms.cueDef.lemma // the cue of the list this name is an item of
			t.CueStart = -1
		}
		if ms.dir >= 0 && r.ok(ms.dir) {
			t.Direction = r.toks[ms.dir].Norm
			if e, off, _ := r.lex(ms.dir); e.flags != 0 && off > 0 {
				t.Direction = string([]rune(t.Direction)[off:])
			}
		}
		surface := r.surface(ms.a, ms.b, ms.off)
		if !ms.feature {
			surface = dropTypeWord(surface)
		}
		if ms.lil && r.ok(ms.a) {
			// للقاهرة: ل + ال with the alef dropped; the name is القاهرة.
			surface = "ال" + strings.TrimPrefix(surface, "ل")
		}
		if ms.place >= 0 {
			p := &r.g.Places[ms.place]
			t.Place, t.Kind = p, p.Kind
			t.Candidates = len(ms.ids)
			t.Name = p.Name
			if p.Kind != Region && !sameName(surface, p.Name) && !strings.HasPrefix(surface, "العاصمة") {
				t.Name = surface // the document's own name for the place (كوباني, قامشلو)
			}
			t.setCoords(p)
			compound := ms.dir >= 0 || (ms.cueDef != nil && (ms.cueDef.class == cueCountryside || ms.cueDef.class == cueSite))
			if compound {
				t.Parent = p
				t.GeoPrecision = max(t.GeoPrecision, 2)
				if ms.cueDef != nil && ms.cueDef.class == cueCountryside && p.Kind == Governorate {
					t.GeoPrecision = 3
				}
			}
			if p.Kind == Region || strings.HasPrefix(p.Name, "ريف ") {
				if in := r.innerPlace(p); in != nil {
					t.Parent = in
				}
			}
		} else {
			t.New, t.Kind = true, ms.newKind
			var parent *Place
			switch {
			case ms.pplace >= 0:
				parent = &r.g.Places[ms.pplace]
			case ms.loc >= 0 && r.ms[ms.loc].place >= 0:
				parent = &r.g.Places[r.ms[ms.loc].place]
			case r.nearGovernorate(k) != nil:
				parent = r.nearGovernorate(k)
			default:
				if !fellBack {
					fallback, fellBack = r.mainGovernorate(), true
				}
				parent = fallback
			}
			name := surface
			if ms.cueDef != nil && ms.cueDef.class == cueUnit {
				name = ms.cueDef.lemma + " " + r.surface(ms.a+1, ms.b, 0)
			}
			key := Fold(name)
			if n, ok := newNames[key]; ok {
				name = n
			} else {
				newNames[key] = name
			}
			t.Name = name
			if parent != nil {
				t.Parent = parent
				t.setCoords(parent)
				t.GeoPrecision = 2
				if parent.Kind == Governorate || parent.Kind == Country || parent.Precision == 3 {
					t.GeoPrecision = 3
				}
			}
		}
		out = append(out, t)
	}
	slices.SortStableFunc(out, func(a, b Toponym) int { return a.Start - b.Start })
	// Spans never overlap by construction; guard against odd token input.
	k := 0
	for i := range out {
		if k > 0 && out[i].Start < out[k-1].End {
			continue
		}
		out[k] = out[i]
		k++
	}
	return out[:k]
}

// setCoords copies p's coordinates, precision and administrative parents.
func (t *Toponym) setCoords(p *Place) {
	t.Lat, t.Lon = p.Lat, p.Lon
	t.GeoPrecision = p.Precision
	switch p.Kind {
	case Governorate, Country:
		t.GeoPrecision = 3
	case District, Subdistrict, Region:
		t.GeoPrecision = max(p.Precision, 2)
	}
	t.Governorate, t.District, t.Subdistrict = govOf(p), p.District, p.Subdistrict
	if p.Kind == District {
		t.District = p.Name
	}
	if p.Kind == Subdistrict {
		t.Subdistrict = p.Name
	}
}

// innerPlace returns the place a countryside region is the countryside of
// (ريف حلب الشرقي → حلب), preferring one in the region's governorate.
func (r *recognizer) innerPlace(p *Place) *Place {
	words := strings.Fields(p.Name)
	if len(words) > 1 {
		if e := r.m.words[arabic.Fold(words[0])]; words[0] == "ريف" || e.flags&lexDirection != 0 {
			words = words[1:]
		} else {
			return nil
		}
	}
	for len(words) > 0 {
		last := words[len(words)-1]
		if e := r.m.words[arabic.Fold(last)]; e.flags&(lexTail|lexDirection) == 0 {
			break
		}
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return nil
	}
	cands := r.g.Lookup(strings.Join(words, " "))
	if len(cands) == 0 {
		return nil
	}
	for _, c := range cands {
		if govOf(c) == p.Governorate && c.Kind != Region {
			return c
		}
	}
	return cands[0]
}

// mainGovernorate returns the governorate most of the document's resolved
// places lie in, or nil.
func (r *recognizer) mainGovernorate() *Place {
	count := map[string]int{}
	best, bestN := "", 0
	for k := range r.ms {
		ms := &r.ms[k]
		if ms.drop || ms.place < 0 {
			continue
		}
		p := &r.g.Places[ms.place]
		if p.Country != "SY" {
			continue
		}
		g := govOf(p)
		if g == "" {
			continue
		}
		count[g]++
		if count[g] > bestN {
			best, bestN = g, count[g]
		}
	}
	if best == "" {
		return nil
	}
	for _, c := range r.g.Lookup(best) {
		if c.Kind == Governorate {
			return c
		}
	}
	return nil
}

// surface returns the display form of tokens [a, b) with off proclitic
// letters of token a dropped: the words as written, diacritics and
// tatweel removed, one space between them.
func (r *recognizer) surface(a, b, off int) string {
	var sb strings.Builder
	for j := a; j < b; j++ {
		if !r.ok(j) {
			continue
		}
		t := r.toks[j]
		if t.Kind != arabic.Word && t.Kind != arabic.Latin && t.Kind != arabic.Numeral {
			continue
		}
		s := r.text[t.Start:t.End]
		if j == a {
			s = s[skipLetters(s, off):]
		}
		s = cleanName(s)
		if s == "" {
			continue
		}
		if sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(s)
	}
	return sb.String()
}

// sameName reports whether two names are one spelling: equal after Fold
// (ادلب = إدلب, حماه = حماة).
func sameName(a, b string) bool { return Fold(a) == Fold(b) }

// skipLetters returns the byte offset in s after its first n letters and
// the marks that follow them.
func skipLetters(s string, n int) int {
	i := 0
	for n > 0 && i < len(s) {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		n--
		for i < len(s) {
			r2, size2 := utf8.DecodeRuneInString(s[i:])
			if !isArabicMark(r2) && r2 != 'ـ' && !unicode.Is(unicode.Cf, r2) {
				break
			}
			i += size2
		}
	}
	return i
}

// dropTypeWord removes a leading place-type word (حي، مدينة، بلدة، قرية،
// منطقة، ناحية، محافظة) from a display name, unless nothing would remain.
func dropTypeWord(name string) string {
	w, rest, ok := strings.Cut(name, " ")
	if !ok || rest == "" {
		return name
	}
	if f := Fold(w); slices.Contains(placeTypeWords, f) || f == "ولايه" || f == "قضاء" {
		return rest
	}
	return name
}

// afterPerson reports whether a person word comes right before mention
// k's name (آل بعاج, أبو عمر, بيت جن).
func (r *recognizer) afterPerson(k int) bool {
	ms := &r.ms[k]
	if ms.cue >= 0 || ms.dir >= 0 || ms.a == 0 || ms.off > 0 || r.brokenBetween(ms.a-1, ms.a) {
		return false
	}
	e, off, _ := r.lex(ms.a - 1)
	return off == 0 && e.flags&lexPerson != 0
}

// orgModifiers are adjectives that make "مركز X" an organization (a media
// or medical centre) rather than the administrative centre of X.
var orgModifiers = map[string]bool{}

func init() {
	for _, w := range []string{"الإعلامي", "الإعلامية", "للإعلام", "الإخباري", "الإخبارية", "الصحفي", "الصحفية",
		"الطبي", "الطبية", "الصحي", "الصحية", "الثقافي", "للدراسات", "للأبحاث", "الحقوقي", "لحقوق", "للتوثيق"} {
		orgModifiers[arabic.Fold(w)] = true
	}
}

// centreOfOrg reports whether mention k is a gazetteer name "مركز X" (an
// administrative centre) that an organization's modifier follows: "مركز
// حلب الإعلامي" is a media office, not the subdistrict.
func (r *recognizer) centreOfOrg(k int, key string) bool {
	ms := &r.ms[k]
	if !strings.HasPrefix(key, arabic.Fold("مركز")+" ") || !r.isWord(ms.b) || r.brokenBetween(ms.b-1, ms.b) {
		return false
	}
	return orgModifiers[r.toks[ms.b].Norm]
}

// isCountry reports whether mention k is a country.
func (r *recognizer) isCountry(k int) bool {
	ms := &r.ms[k]
	return len(ms.ids) > 0 && r.g.Places[ms.ids[0]].Kind == Country
}

// isDirection reports whether token i is a direction word (not a
// proximity word such as محيط).
func (r *recognizer) isDirection(i int) bool {
	e, _, _ := r.lex(i)
	return e.flags&lexDirection != 0
}

// isNisba reports whether a folded word ends like a relative adjective
// (-ي، -ية، -يين، -يون، -يتين، -يتان، -يات).
func isNisba(w string) bool {
	for _, suf := range []string{"يه", "يين", "يون", "يتين", "يتان", "يات"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// adjectiveShaped reports whether a one-word folded name has the shape of
// a relative adjective with the article (الكردية, الروسية, الحراجية,
// العراقيين).
func adjectiveShaped(key string) bool {
	return strings.HasPrefix(key, "ال") && !strings.Contains(key, " ") && isNisba(key)
}

// suffixedTaMarbuta reports whether mention k writes with a final ه a
// one-word name that ends in ة: "حديثه" is "his talk", not حديثة.
func (r *recognizer) suffixedTaMarbuta(k int) bool {
	ms := &r.ms[k]
	if ms.b != ms.a+1 || len(ms.ids) == 0 {
		return false
	}
	return strings.HasSuffix(r.tokText(ms.a), "ه") && strings.HasSuffix(r.g.Places[ms.ids[0]].Name, "ة")
}

// prepBefore reports whether a preposition, a line start or punctuation
// comes right before mention k's phrase: the name is not an adjective of
// the word before it ("غارات عنيفة بريف حلب").
func (r *recognizer) prepBefore(k int) bool {
	h := r.head(k)
	if h == 0 || r.brokenBetween(h-1, h) || r.punct(h-1) != "" {
		return true
	}
	if r.ms[k].off > 0 && !r.hasConj(r.ms[k].a) {
		return true // بالباب, للباب
	}
	e, _, _ := r.lex(h - 1)
	if e.flags&lexToward != 0 {
		return true
	}
	switch arabic.Fold(r.tokText(h - 1)) {
	case "من", "علي", "عن", "الي", "قرب", "و":
		return true
	}
	return false
}

// towardPlace reports whether mention k follows a preposition of place
// (في دوما, وإلى الباب).
func (r *recognizer) towardPlace(k int) bool {
	h := r.head(k)
	if h == 0 || r.brokenBetween(h-1, h) {
		return false
	}
	e, _, _ := r.lex(h - 1)
	return e.flags&lexToward != 0
}

// cliticsBeyondConj reports whether mention k's first word carries a
// proclitic other than the conjunction و (بواسطة, كقوله): a preposition
// marks a common word, not an item of a list of places.
func (r *recognizer) cliticsBeyondConj(k int) bool {
	return r.cliticsBeyondConjAt(r.ms[k].a, r.ms[k].off)
}

// cliticsBeyondConjAt reports whether the first off letters of token i
// hold more than a conjunction.
func (r *recognizer) cliticsBeyondConjAt(i, off int) bool {
	if off == 0 || !r.ok(i) {
		return false
	}
	rs := []rune(r.toks[i].Norm)
	if off > len(rs) {
		return true
	}
	pre := string(rs[:off])
	return pre != "و" && pre != "ف"
}

// personHead reports whether a folded name starts with a kunya or a
// patronymic (أبو، أم، ابن، بن), as people's names do.
func personHead(key string) bool {
	w, _, _ := strings.Cut(key, " ")
	switch w {
	case "ابو", "ام", "ابن", "بن", "ابي":
		return true
	}
	return false
}

// nearGovernorate returns the governorate of the closest known Syrian place
// before mention k in the same sentence, at most nearTokens tokens away
// (the villages of "قرى حاس وكفرسجنة والركايا" lie where the known ones
// do), or nil.
func (r *recognizer) nearGovernorate(k int) *Place {
	const nearTokens = 60
	checked := r.ms[k].a // tokens from checked on are known to hold no sentence break
	for j := k - 1; j >= 0; j-- {
		o := &r.ms[j]
		if o.drop || o.b > r.ms[k].a {
			continue
		}
		if r.ms[k].a-o.b > nearTokens || r.sentenceBreak(o.b, checked) {
			return nil
		}
		checked = o.b
		if o.place < 0 {
			continue
		}
		p := &r.g.Places[o.place]
		if p.Country != "SY" || govOf(p) == "" {
			continue
		}
		for _, c := range r.g.Lookup(govOf(p)) {
			if c.Kind == Governorate {
				return c
			}
		}
		return nil
	}
	return nil
}

// sentenceBreak reports whether a sentence ends or a line breaks between
// tokens from and to.
func (r *recognizer) sentenceBreak(from, to int) bool {
	if from < 1 || to > len(r.toks) || from > to {
		return true
	}
	for j := from; j < to; j++ {
		if r.brokenBetween(j-1, j) {
			return true
		}
		switch r.punct(j) {
		case ".", "!", "?", "؟", "؛", ";":
			return true
		}
	}
	return false
}
