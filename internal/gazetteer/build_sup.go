package gazetteer

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

// ---- supplement -----------------------------------------------------------

func (b *builder) findGov(country, name string) *bplace {
	k := Fold(name)
	for _, p := range b.all {
		if !p.dead && p.Kind == Governorate && p.Country == country && p.hasKey(k) {
			return p
		}
	}
	return nil
}

// kindPriority orders the candidates for a parent named in the supplement.
func kindPriority(k Kind) int {
	switch k {
	case City:
		return 0
	case Town:
		return 1
	case Village:
		return 2
	case Neighbourhood:
		return 3
	case Camp, Airport, Base, Field, Facility, Crossing, Dam, Bridge:
		return 4
	case Region, Mountain, River, Lake, Road:
		return 5
	}
	return 6 // administrative areas and countries: name them by id
}

// pointKind reports whether places of kind k are small enough to lie in
// one subdistrict.
func pointKind(k Kind) bool {
	switch k {
	case Country, Governorate, District, Subdistrict, Region, Road, River, Lake, Mountain:
		return false
	}
	return true
}

func isSettlementLike(k Kind) bool { return k.IsSettlement() || k == Camp }

func compatibleKinds(a, c Kind) bool {
	return a == c || (isSettlementLike(a) && isSettlementLike(c))
}

func (b *builder) supErr(e *supEntry, format string, args ...any) error {
	return fmt.Errorf("supplement:%d (%s): %s", e.Line, e.Name, fmt.Sprintf(format, args...))
}

func (b *builder) addSupplement(e *supEntry) error {
	var gov, parent *bplace
	switch {
	case e.Kind == Country:
	case e.Kind == Governorate && e.Country != "SY":
		parent = b.byID[e.Country]
		if parent == nil || parent.Kind != Country {
			return b.supErr(e, "country %s is not defined above", e.Country)
		}
	default:
		gov = b.findGov(e.Country, e.Governorate)
		if gov == nil {
			return b.supErr(e, "governorate %q of %s is not defined (above, for foreign ones)", e.Governorate, e.Country)
		}
		parent = gov
	}
	if e.Parent != "" {
		p, err := b.resolveParent(e, gov)
		if err != nil {
			return err
		}
		parent = p
	}
	lat, lon, prec := e.Lat, e.Lon, e.Precision
	switch {
	case e.HasCoords:
		if prec == 0 {
			prec = 1
		}
	case parent != nil:
		lat, lon = parent.Lat, parent.Lon
		if prec == 0 {
			prec = 2
			if parent.Kind == Governorate || parent.Kind == Country || parent.Precision == 3 {
				prec = 3
			}
		}
	case e.Kind == Country && b.byID[e.Country] != nil:
		// Merged below into the existing country, which has coordinates.
	default:
		return b.supErr(e, "no coordinates and no parent to take them from")
	}
	keys := map[string]bool{Fold(e.Name): true}
	for _, v := range e.Variants {
		keys[Fold(v)] = true
	}
	if m := b.findMerge(e, gov, lat, lon, prec, keys); m != nil {
		b.merge(m, e, parent, lat, lon, prec)
		b.index(m)
		b.stats.SupplementMerged++
		if e.ID != "" {
			if q, dup := b.byID[e.ID]; dup && q != m {
				return b.supErr(e, "id %s is already used", e.ID)
			}
			b.byID[e.ID] = m
		}
		return nil
	}
	p := &bplace{Place: Place{Kind: e.Kind, Country: e.Country, NameEN: e.NameEN, Lat: lat, Lon: lon, Precision: prec}, fromSup: true}
	p.setNames(append([]string{e.Name}, e.Variants...)...)
	p.setChain(parent, gov)
	if p.Country == "SY" && p.dist == nil && gov != nil && pointKind(p.Kind) {
		// A point place placed directly in the governorate: join it to the
		// nearest subdistrict centroid, as for WOF localities.
		s := b.nearestSub(lat, lon, func(s *bplace) bool { return s.gov == gov })
		p.dist, p.sub = s.dist, s
		if p.parent == gov {
			p.parent = s
		}
	}
	switch {
	case e.ID != "":
		p.ID = e.ID
	case e.Kind == Country:
		p.ID = e.Country
	case e.Kind == Neighbourhood && parent != nil && parent.Kind.IsSettlement():
		ps := slug(parent.NameEN)
		if ps == "" {
			ps = strings.NewReplacer(":", "-", "/", "-").Replace(parent.ID)
		}
		p.ID = "sup:" + ps + "/" + slug(e.NameEN)
	case e.Country != "SY":
		p.ID = "sup:" + strings.ToLower(e.Country) + "-" + slug(e.NameEN)
	default:
		p.ID = "sup:" + slug(e.NameEN)
	}
	if q, dup := b.byID[p.ID]; dup {
		return b.supErr(e, "id %s is already used by %s (%s); set the id column or make name_en more specific", p.ID, q.Name, q.ID)
	}
	b.add(p)
	return nil
}

// setChain fills the administrative chain of a place from its parent.
func (p *bplace) setChain(parent, gov *bplace) {
	p.parent = parent
	switch {
	case p.Kind == Country:
		p.parent = nil
	case p.Kind == Governorate:
		p.gov = p
	case parent == nil:
		p.gov = gov
	default:
		p.gov, p.dist, p.sub = parent.gov, parent.dist, parent.sub
		if p.gov == nil {
			p.gov = gov
		}
	}
}

func (b *builder) resolveParent(e *supEntry, gov *bplace) (*bplace, error) {
	if p := b.byID[e.Parent]; p != nil {
		if p.dead {
			return nil, b.supErr(e, "parent %s was merged into another record", e.Parent)
		}
		return p, nil
	}
	if strings.Contains(e.Parent, ":") {
		return nil, b.supErr(e, "parent id %q not found", e.Parent)
	}
	k := Fold(e.Parent)
	var cands []*bplace
	for _, p := range b.withKeys(k) {
		if p.Country != e.Country || (gov != nil && p.gov != gov) || kindPriority(p.Kind) > 5 {
			continue
		}
		cands = append(cands, p)
	}
	if len(cands) == 0 {
		return nil, b.supErr(e, "parent %q not found in governorate %q (give an id, or define it above)", e.Parent, e.Governorate)
	}
	slices.SortStableFunc(cands, func(a, c *bplace) int {
		if r := cmp.Compare(kindPriority(a.Kind), kindPriority(c.Kind)); r != 0 {
			return r
		}
		if r := cmp.Compare(b.rank(c), b.rank(a)); r != 0 {
			return r
		}
		return boolCmp(Fold(c.Name) == k, Fold(a.Name) == k)
	})
	if len(cands) > 1 {
		a, c := cands[0], cands[1]
		if kindPriority(a.Kind) == kindPriority(c.Kind) && b.rank(a) == b.rank(c) && (Fold(a.Name) == k) == (Fold(c.Name) == k) {
			return nil, b.supErr(e, "parent %q is ambiguous: %s and %s; give an id", e.Parent, a.ID, c.ID)
		}
	}
	return cands[0], nil
}

// Merge distances: an entry with its own coordinates matches a place within
// mergeOwnKm. One placed at its parent's coordinates matches a neighbourhood
// or village within mergeNeighbourhoodKm of the city (neighbourhoods) or
// mergeParentKm of the parent, or a town, city or seat of the same
// governorate within mergeSeatKm (the parent is then only a nearby seat).
const (
	mergeOwnKm           = 8
	mergeNeighbourhoodKm = 10
	mergeParentKm        = 35
	mergeSeatKm          = 80
)

func (b *builder) findMerge(e *supEntry, gov *bplace, lat, lon float64, prec int, keys map[string]bool) *bplace {
	if e.Kind == Country {
		if p := b.byID[e.Country]; p != nil && p.Kind == Country {
			return p
		}
		return nil
	}
	ks := make([]string, 0, len(keys))
	for k := range keys {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	var best *bplace
	bestD, bestProm := math.Inf(1), false
	for _, p := range b.withKeys(ks...) {
		if p.Country != e.Country || !compatibleKinds(p.Kind, e.Kind) {
			continue
		}
		if e.Kind == Governorate {
			return p
		}
		if gov != nil && p.gov != gov {
			continue
		}
		d := distKm(lat, lon, p.Lat, p.Lon)
		prominent := p.role != roleNone || p.Kind == Town || p.Kind == City
		var limit float64
		switch {
		case prec == 1:
			limit = mergeOwnKm
		case e.Kind == Neighbourhood:
			limit = mergeNeighbourhoodKm
		case prominent && (e.Kind == Town || e.Kind == City):
			limit = mergeSeatKm
		default:
			limit = mergeParentKm
		}
		if d >= limit {
			continue
		}
		// A prominent candidate beats a nearer village for a town entry.
		better := d < bestD
		if e.Kind == Town || e.Kind == City {
			better = (prominent && !bestProm) || (prominent == bestProm && d < bestD)
		}
		if best == nil || better {
			best, bestD, bestProm = p, d, prominent
		}
	}
	return best
}

var settlementOrder = map[Kind]int{City: 4, Town: 3, Village: 2, Neighbourhood: 1, Camp: 0}

func (b *builder) merge(p *bplace, e *supEntry, parent *bplace, lat, lon float64, prec int) {
	p.setCanonical(e.Name)
	for _, v := range e.Variants {
		p.addName(v)
	}
	p.fromSup = true
	if p.supKeys == nil {
		p.supKeys = map[string]bool{}
	}
	p.supKeys[Fold(e.Name)] = true
	for _, v := range e.Variants {
		p.supKeys[Fold(v)] = true
	}
	if e.NameEN != "" {
		p.NameEN = e.NameEN
	}
	if p.role != roleNone && e.Kind.IsSettlement() && p.Kind.IsSettlement() {
		if settlementOrder[e.Kind] > settlementOrder[p.Kind] {
			p.Kind = e.Kind
		}
	} else if p.Kind != Governorate && p.Kind != Country && p.Kind != District && p.Kind != Subdistrict {
		p.Kind = e.Kind
	}
	if p.Precision != 1 && prec == 1 {
		p.Lat, p.Lon, p.Precision = lat, lon, 1
	}
	if e.Kind == Neighbourhood && parent != nil && parent.Kind.IsSettlement() && parent != p {
		p.setChain(parent, p.gov)
	}
}

// ---- finishing: ranks, variants, order ------------------------------------

func popBonus(pop float64) int {
	if pop <= 0 {
		return 0
	}
	return min(9, max(0, int(math.Round(2*math.Log10(pop)))-6))
}

// rank returns a place's prominence: ten times a base for its kind and role
// plus a 0–9 bonus from population (administrative areas and seats) or from
// having a Wikidata item (villages).
//
//	country 100 · governorate 90 (foreign 80) · governorate capital 85 ·
//	district seat 75 · other city 72 · district 70 · region 60 · town 55 ·
//	subdistrict, camp, airport, base, field, facility, crossing, dam 50 ·
//	mountain, river, lake, road 45 · neighbourhood, bridge 40 · village 30
func (b *builder) rank(p *bplace) int {
	base, bonus := 0, popBonus(p.pop)
	switch p.Kind {
	case Country:
		base = 100
	case Governorate:
		base = 90
		if p.Country != "SY" {
			base = 80
		}
	case City:
		switch p.role {
		case roleCapital:
			base = 85
			bonus = popBonus(p.gov.pop)
		case roleDistrictSeat:
			base = 75
			if p.dist != nil {
				bonus = popBonus(p.dist.pop)
			}
		default:
			base = 72
		}
	case District:
		base = 70
	case Region:
		base = 60
	case Town:
		base = 55
		if p.seatOf != nil {
			bonus = popBonus(p.seatOf.pop)
		}
	case Subdistrict, Camp, Airport, Base, Field, Facility, Crossing, Dam:
		base = 50
	case Mountain, River, Lake, Road:
		base = 45
	case Neighbourhood, Bridge:
		base = 40
	case Village:
		base = 30
		if p.wd != "" {
			bonus = 3
		}
	}
	return base*10 + bonus
}

func (b *builder) finish() []Place {
	var live []*bplace
	for _, p := range b.all {
		if !p.dead {
			p.Rank = b.rank(p)
			live = append(live, p)
		}
	}
	// The most prominent settlement per (governorate, canonical key): a
	// source or generated variant of a lesser settlement that is another,
	// more prominent settlement's canonical name is dropped (WOF alternates
	// sometimes name the nearby town).
	top := map[string]int{}
	for _, p := range live {
		if isSettlementLike(p.Kind) {
			k := govKey(p) + Fold(p.Name)
			top[k] = max(top[k], p.Rank)
		}
	}
	out := make([]Place, 0, len(live))
	for _, p := range live {
		pl := p.Place
		if p.gov != nil {
			pl.Governorate = p.gov.Name
		}
		if p.dist != nil {
			pl.District = p.dist.Name
		}
		if p.sub != nil {
			pl.Subdistrict = p.sub.Name
		}
		if p.parent != nil {
			pl.ParentID = p.parent.ID
		}
		pl.Name = p.names[0]
		seen := map[string]bool{Fold(pl.Name): true}
		var vars []string
		addVar := func(v string) {
			k := Fold(v)
			if k == "" || seen[k] {
				return
			}
			if isSettlementLike(p.Kind) && !p.supKeys[k] && top[govKey(p)+k] > p.Rank {
				return
			}
			seen[k] = true
			vars = append(vars, v)
		}
		for _, n := range p.names[1:] {
			addVar(n)
		}
		for _, n := range p.names {
			for _, g := range generateVariants(n) {
				addVar(sanitize(g))
			}
		}
		pl.Variants = vars
		out = append(out, pl)
		b.stats.Variants += len(vars)
		b.stats.ByKind[pl.Kind]++
	}
	slices.SortFunc(out, func(a, c Place) int {
		if r := cmp.Compare(countryOrder(a.Country), countryOrder(c.Country)); r != 0 {
			return r
		}
		if r := cmp.Compare(slices.Index(kindOrder, a.Kind), slices.Index(kindOrder, c.Kind)); r != 0 {
			return r
		}
		return cmp.Compare(a.ID, c.ID)
	})
	b.stats.Places = len(out)
	return out
}

func govKey(p *bplace) string {
	if p.gov != nil {
		return p.gov.ID + "\x00"
	}
	return p.Country + "\x00"
}

func countryOrder(c string) int {
	if i := slices.Index([]string{"SY", "IQ", "LB", "JO", "TR"}, c); i >= 0 {
		return i
	}
	return 99
}
