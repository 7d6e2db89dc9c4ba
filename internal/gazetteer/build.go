package gazetteer

import (
	"cmp"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Stats reports what Build read, dropped, merged and wrote.
type Stats struct {
	AdminAreas       int          // OpenSyria governorates, districts and subdistricts
	WOFRows          int          // rows of the Who's On First CSV
	WOFStubs         int          // rows without a place type or coordinates
	WOFDead          int          // deprecated or superseded rows
	WOFIgnored       int          // rows of other place types (counties, continents…) or outside Syria
	WOFNoArabic      int          // places without an Arabic name
	WOFMerged        int          // duplicate WOF places merged into another
	CountyAgreement  float64      // share of WOF localities whose WOF county maps to the district of their nearest subdistrict centroid
	SupplementRows   int          // entries of the supplement
	SupplementMerged int          // supplement entries merged into an existing place
	Places           int          // places written
	Variants         int          // variants written
	ByKind           map[Kind]int // places written per kind
}

func (s Stats) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d places, %d variants; WOF: %d rows, %d stubs, %d deprecated, %d ignored, %d without Arabic name, %d merged, county agreement %.1f%%; OpenSyria: %d admin areas; supplement: %d entries, %d merged\n",
		s.Places, s.Variants, s.WOFRows, s.WOFStubs, s.WOFDead, s.WOFIgnored, s.WOFNoArabic, s.WOFMerged, 100*s.CountyAgreement, s.AdminAreas, s.SupplementRows, s.SupplementMerged)
	for _, k := range kindOrder {
		if n := s.ByKind[k]; n > 0 {
			fmt.Fprintf(&b, "  %-13s %6d\n", k, n)
		}
	}
	return b.String()
}

// Build generates the gazetteer data file. It reads the shared gazetteer
// sources under sharedGazetteerDir (opensyria/*.json and
// wof-sy/wof_sy_places.csv), applies the reviewed supplement (the content of
// data/gazetteer/supplement.tsv) and writes the gzip-compressed TSV to w.
// The output depends only on the inputs: two runs give identical bytes.
//
// Joining localities to the administrative areas: a WOF locality's
// governorate comes from its WOF region (matched to OpenSyria through the
// GeoNames id); its district from its WOF county, mapped to the OpenSyria
// district that most of the county's localities fall in by nearest
// subdistrict centroid; its subdistrict is the nearest subdistrict centroid
// within that district (within the governorate when the county is unknown,
// within Syria when the region is unknown). OpenSyria has centroids, not
// polygons, so a locality near a subdistrict border can get the neighbour
// subdistrict; a locality that is a seat (its name is the subdistrict's)
// always gets its own.
func Build(sharedGazetteerDir string, supplement []byte, w io.Writer) (Stats, error) {
	b := &builder{byID: map[string]*bplace{}, stats: Stats{ByKind: map[Kind]int{}}}
	if err := b.readAdmin(filepath.Join(sharedGazetteerDir, "opensyria")); err != nil {
		return b.stats, err
	}
	rows, err := readWOF(filepath.Join(sharedGazetteerDir, "wof-sy", "wof_sy_places.csv"))
	if err != nil {
		return b.stats, err
	}
	b.addWOF(rows)
	b.assignAdmin()
	b.dedup()
	b.assignRoles()
	entries, err := parseSupplement(supplement)
	if err != nil {
		return b.stats, err
	}
	b.stats.SupplementRows = len(entries)
	var errs []error
	for i := range entries {
		if err := b.addSupplement(&entries[i]); err != nil {
			if errs = append(errs, err); len(errs) == 20 {
				break
			}
		}
	}
	if len(errs) > 0 {
		return b.stats, errors.Join(errs...)
	}
	places := b.finish()
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return b.stats, err
	}
	if err := writeData(zw, places); err != nil {
		return b.stats, fmt.Errorf("gazetteer: writing: %w", err)
	}
	if err := zw.Close(); err != nil {
		return b.stats, fmt.Errorf("gazetteer: writing: %w", err)
	}
	return b.stats, nil
}

type role int

const (
	roleNone role = iota
	roleSubdistrictSeat
	roleDistrictSeat
	roleCapital
)

// bplace is a place under construction.
type bplace struct {
	Place
	names          []string // cleaned Arabic surface names, canonical first
	folded         []string // Fold of names, same order
	gov, dist, sub *bplace  // administrative chain (Syria)
	parent         *bplace
	wofID          int64
	wofRegion      int64
	wofCounty      int64
	wd, gn         string
	pop            float64
	role           role
	seatOf         *bplace // the subdistrict whose seat this is
	fromSup        bool
	supKeys        map[string]bool // folded names a supplement entry gave (reviewed: never dropped)
	dead           bool            // merged into another place
	order          int             // position in builder.all
}

type builder struct {
	all   []*bplace
	govs  []*bplace
	dists []*bplace
	subs  []*bplace
	byID  map[string]*bplace
	govGN map[string]*bplace // GeoNames id → governorate
	syria *bplace
	stats Stats
	byKey map[string][]*bplace // folded name → places; built for the supplement phase
}

func (b *builder) add(p *bplace) {
	p.order = len(b.all)
	b.all = append(b.all, p)
	b.byID[p.ID] = p
	b.index(p)
}

// index registers p under each of its folded names.
func (b *builder) index(p *bplace) {
	if b.byKey == nil {
		return // withKeys builds the whole index when first used
	}
	for _, k := range p.folded {
		if !slices.Contains(b.byKey[k], p) {
			b.byKey[k] = append(b.byKey[k], p)
		}
	}
}

// withKeys returns the live places having one of keys as a folded name,
// in the order they were added.
func (b *builder) withKeys(keys ...string) []*bplace {
	if b.byKey == nil {
		b.byKey = map[string][]*bplace{}
		for _, p := range b.all {
			b.index(p)
		}
	}
	var out []*bplace
	for _, k := range keys {
		for _, p := range b.byKey[k] {
			if !p.dead && !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	slices.SortFunc(out, func(a, c *bplace) int { return cmp.Compare(a.order, c.order) })
	return out
}

// addName appends a surface name unless one folding to the same key is
// already there.
func (p *bplace) addName(s string) {
	s = sanitize(s)
	if s == "" {
		return
	}
	k := Fold(s)
	if k == "" || p.hasKey(k) {
		return
	}
	p.names = append(p.names, s)
	p.folded = append(p.folded, k)
}

// setNames replaces the names; the first is the canonical one.
func (p *bplace) setNames(names ...string) {
	p.names, p.folded = nil, nil
	for _, n := range names {
		p.addName(n)
	}
	if len(p.names) > 0 {
		p.Name = p.names[0]
	}
}

// setCanonical makes s the canonical name, keeping the old one as a variant.
func (p *bplace) setCanonical(s string) {
	p.setNames(append([]string{s}, p.names...)...)
}

// keys returns the folded names, canonical first. The slice is shared.
func (p *bplace) keys() []string { return p.folded }

func (p *bplace) hasLooseKey(k string) bool {
	for _, n := range p.names {
		if looseKey(n) == k {
			return true
		}
	}
	return false
}

func (p *bplace) hasKey(k string) bool {
	return slices.Contains(p.folded, k)
}

// sanitize cleans a name and removes the characters the data file uses as
// separators.
func sanitize(s string) string {
	s = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ", "|", " ").Replace(s)
	return cleanName(s)
}

// ---- administrative areas -------------------------------------------------

var adminLevelWord = map[Kind]string{Governorate: "محافظة", District: "منطقة", Subdistrict: "ناحية"}

func (b *builder) readAdmin(dir string) error {
	govs, err := readOpenSyria(dir, "governorates.json")
	if err != nil {
		return err
	}
	dists, err := readOpenSyria(dir, "districts.json")
	if err != nil {
		return err
	}
	subs, err := readOpenSyria(dir, "subdistricts.json")
	if err != nil {
		return err
	}
	b.syria = &bplace{Place: Place{ID: "SY", Kind: Country, Country: "SY", NameEN: "Syria", Name: "سوريا", Lat: 35.0, Lon: 38.5, Precision: 1}}
	b.syria.setNames("سوريا")
	b.add(b.syria)
	b.govGN = map[string]*bplace{}
	osID := map[string]*bplace{}
	mk := func(a *osArea, kind Kind) *bplace {
		p := &bplace{Place: Place{ID: a.external("ochaPcode"), Kind: kind, Country: "SY", NameEN: strings.TrimSpace(a.Name.EN),
			Lat: a.Centroid.Latitude, Lon: a.Centroid.Longitude, Precision: 1}}
		p.setNames(a.Name.AR)
		if a.Population != nil {
			p.pop = a.Population.Value
		}
		p.wd = a.external("wikidata")
		p.gn = a.external("geonames")
		for _, al := range a.Aliases {
			if al.Language == "ar" {
				p.addAdminAlias(al.Value)
			}
		}
		if rest, w := stripAdminWord(p.Name); w == "مركز" {
			p.addName("ناحية " + rest)
		}
		p.addName(adminLevelWord[kind] + " " + p.Name)
		osID[a.ID] = p
		b.stats.AdminAreas++
		return p
	}
	for i := range govs {
		p := mk(&govs[i], Governorate)
		p.gov, p.parent = p, b.syria
		if gn := govs[i].external("geonames"); gn != "" {
			b.govGN[gn] = p
		}
		b.govs = append(b.govs, p)
	}
	for i := range dists {
		a := &dists[i]
		g := osID[a.GovernorateID]
		if g == nil || g.Kind != Governorate {
			return fmt.Errorf("opensyria: district %s: unknown governorateId %q", a.ID, a.GovernorateID)
		}
		p := mk(a, District)
		p.gov, p.dist, p.parent = g, p, g
		b.dists = append(b.dists, p)
	}
	for i := range subs {
		a := &subs[i]
		d := osID[a.DistrictID]
		if d == nil || d.Kind != District {
			return fmt.Errorf("opensyria: subdistrict %s: unknown districtId %q", a.ID, a.DistrictID)
		}
		p := mk(a, Subdistrict)
		p.gov, p.dist, p.sub, p.parent = d.gov, d, p, d
		b.subs = append(b.subs, p)
	}
	for _, list := range [][]*bplace{b.govs, b.dists, b.subs} {
		for _, p := range list {
			if _, dup := b.byID[p.ID]; dup {
				return fmt.Errorf("opensyria: duplicate P-code %s", p.ID)
			}
			b.add(p)
		}
	}
	return nil
}

// addAdminAlias adds a source alias of an administrative area if it is a
// spelling of the same name, optionally after the area's own level word
// ("محافظة حلب" for the governorate, "منطقة منبج" for the district). Aliases
// that name something else (a seat town, a region, another level) are
// dropped: OpenSyria's alias lists mix them in.
func (p *bplace) addAdminAlias(alias string) {
	a := sanitize(alias)
	if !isArabicName(a) {
		return
	}
	rest, word := stripAdminWord(a)
	switch {
	case word == "", word == adminLevelWord[p.Kind]:
	case word == "مركز" && p.Kind == Subdistrict:
		rest = a // "مركز X" is a subdistrict's own name form
	default:
		return
	}
	if looseKey(rest) != looseKey(p.Name) {
		return
	}
	p.addName(a)
}

// ---- Who's On First -------------------------------------------------------

func (b *builder) addWOF(rows []wofRow) {
	regionGN := map[int64]string{}
	for i := range rows {
		if r := &rows[i]; r.PlaceType == "region" && !r.Dead {
			regionGN[r.ID] = r.GeoNames
		}
	}
	b.stats.WOFRows = len(rows)
	for i := range rows {
		r := &rows[i]
		switch {
		case r.PlaceType == "" || !r.HasCoords:
			b.stats.WOFStubs++
			continue
		case r.Dead:
			b.stats.WOFDead++
			continue
		}
		var names, romanized []string
		for _, n := range r.NameAR {
			n = sanitize(n)
			if !isArabicName(n) {
				romanized = append(romanized, n)
				continue
			}
			if r.PlaceType != "region" && r.PlaceType != "country" {
				if rest, w := stripAdminWord(n); w != "" && w != "مركز" {
					n = rest
				}
			}
			names = append(names, n)
		}
		switch r.PlaceType {
		case "country":
			if r.ID == 85632413 {
				for _, n := range names {
					b.syria.addName(n)
				}
				b.syria.Lat, b.syria.Lon = r.Lat, r.Lon
				b.syria.wd = r.WD
			} else {
				b.stats.WOFIgnored++
			}
			continue
		case "region":
			if g := b.govGN[regionGN[r.ID]]; g != nil {
				for _, n := range names {
					g.addAdminAlias(n)
				}
			} else {
				b.stats.WOFIgnored++
			}
			continue
		case "locality", "neighbourhood", "campus":
		default:
			b.stats.WOFIgnored++
			continue
		}
		if !inBox(r.Lat, r.Lon, syriaBox) {
			b.stats.WOFIgnored++
			continue
		}
		if len(names) == 0 {
			b.stats.WOFNoArabic++
			continue
		}
		best := pickCanonical(names, r.Name, romanized...)
		names[0], names[best] = names[best], names[0]
		p := &bplace{Place: Place{ID: "wof:" + strconv.FormatInt(r.ID, 10), Country: "SY", Lat: r.Lat, Lon: r.Lon, Precision: 1},
			wofID: r.ID, wd: r.WD, gn: r.GeoNames, wofRegion: r.Hierarchy["region_id"], wofCounty: r.Hierarchy["county_id"]}
		if l, a := arabicShare(r.Name); a == 0 && l > 0 {
			p.NameEN = strings.Join(strings.Fields(r.Name), " ")
		}
		switch r.PlaceType {
		case "locality":
			p.Kind = Village
		case "neighbourhood":
			p.Kind = Neighbourhood
		case "campus":
			p.Kind = Facility
			if strings.HasPrefix(names[0], "مطار") {
				p.Kind = Airport
			}
		}
		for _, n := range names {
			p.addName(n)
		}
		p.Name = p.names[0]
		if g := b.govGN[regionGN[p.wofRegion]]; g != nil {
			p.gov = g
		}
		b.add(p)
	}
}

// ---- joining localities to administrative areas ---------------------------

func (b *builder) nearestSub(lat, lon float64, ok func(*bplace) bool) *bplace {
	var best *bplace
	bestD := math.Inf(1)
	for _, s := range b.subs {
		if ok != nil && !ok(s) {
			continue
		}
		if d := distKm(lat, lon, s.Lat, s.Lon); d < bestD {
			best, bestD = s, d
		}
	}
	return best
}

func (b *builder) assignAdmin() {
	votes := map[int64]map[*bplace]int{}
	var locals []*bplace
	for _, p := range b.all {
		if p.wofID == 0 {
			continue
		}
		locals = append(locals, p)
		if p.gov != nil && p.wofCounty > 0 {
			g := p.gov
			s := b.nearestSub(p.Lat, p.Lon, func(s *bplace) bool { return s.gov == g })
			if votes[p.wofCounty] == nil {
				votes[p.wofCounty] = map[*bplace]int{}
			}
			votes[p.wofCounty][s.dist]++
		}
	}
	countyDist := map[int64]*bplace{}
	for c, m := range votes {
		var best *bplace
		for d, n := range m {
			if best == nil || n > m[best] || (n == m[best] && d.ID < best.ID) {
				best = d
			}
		}
		countyDist[c] = best
	}
	agree, voters := 0, 0
	for _, p := range locals {
		var s *bplace
		g := p.gov
		switch {
		case g == nil:
			s = b.nearestSub(p.Lat, p.Lon, nil)
		case countyDist[p.wofCounty] != nil && countyDist[p.wofCounty].gov == g:
			d := countyDist[p.wofCounty]
			s = b.nearestSub(p.Lat, p.Lon, func(s *bplace) bool { return s.dist == d })
			voters++
			if b.nearestSub(p.Lat, p.Lon, func(s *bplace) bool { return s.gov == g }).dist == d {
				agree++
			}
		default:
			s = b.nearestSub(p.Lat, p.Lon, func(s *bplace) bool { return s.gov == g })
		}
		p.gov, p.dist, p.sub, p.parent = s.gov, s.dist, s, s
	}
	if voters > 0 {
		b.stats.CountyAgreement = float64(agree) / float64(voters)
	}
}

// quality orders duplicate records: the one kept has a Wikidata id, a
// GeoNames id, more names, the smaller WOF id.
func quality(a, c *bplace) int {
	if r := boolCmp(a.wd != "", c.wd != ""); r != 0 {
		return r
	}
	if r := boolCmp(a.gn != "", c.gn != ""); r != 0 {
		return r
	}
	if r := cmp.Compare(len(a.names), len(c.names)); r != 0 {
		return r
	}
	return cmp.Compare(c.wofID, a.wofID)
}

func boolCmp(a, c bool) int {
	switch {
	case a == c:
		return 0
	case a:
		return 1
	}
	return -1
}

// dedupMaxKm is the distance under which two WOF records of the same kind
// sharing a name in the same governorate are taken for one place.
const dedupMaxKm = 3

func (b *builder) dedup() {
	var cand []*bplace
	for _, p := range b.all {
		if p.wofID != 0 {
			cand = append(cand, p)
		}
	}
	slices.SortStableFunc(cand, func(a, c *bplace) int { return quality(c, a) })
	kept := map[string][]*bplace{}
	for _, p := range cand {
		var into *bplace
		for _, k := range p.keys() {
			for _, q := range kept[p.gov.ID+"\x00"+k] {
				if q.Kind == p.Kind && distKm(p.Lat, p.Lon, q.Lat, q.Lon) < dedupMaxKm {
					into = q
					break
				}
			}
			if into != nil {
				break
			}
		}
		if into != nil {
			for _, n := range p.names {
				into.addName(n)
			}
			p.dead = true
			b.stats.WOFMerged++
			continue
		}
		for _, k := range p.keys() {
			kept[p.gov.ID+"\x00"+k] = append(kept[p.gov.ID+"\x00"+k], p)
		}
	}
}

// seatMaxKm bounds the distance from a subdistrict's centroid to its seat
// (a subdistrict stretching into the desert has its centroid far from the
// town on the river).
const seatMaxKm = 50

// assignRoles finds the seats of the administrative areas among the
// localities. A subdistrict's seat is the locality of the governorate,
// nearest its centroid and within seatMaxKm, whose canonical name is the
// subdistrict's name without مركز, compared by looseKey (so "السلمية" is the
// seat of "مركز سلمية"); failing that, one with such a variant. A
// district's seat is the seat of one of its subdistricts that bears the
// district's name; the capital is the locality bearing the governorate's
// name nearest its central subdistrict (P-code ending in 0000). Seats
// become towns, district seats and capitals cities; a seat is moved to its
// subdistrict when the nearest-centroid join put it elsewhere.
func (b *builder) assignRoles() {
	byCanon := map[string][]*bplace{}
	byName := map[string][]*bplace{}
	for _, p := range b.all {
		if p.dead || p.Kind != Village {
			continue
		}
		k := looseKey(p.Name)
		byCanon[k] = append(byCanon[k], p)
		seen := map[string]bool{}
		for _, n := range p.names {
			if k := looseKey(n); !seen[k] {
				seen[k] = true
				byName[k] = append(byName[k], p)
			}
		}
	}
	nearest := func(cands []*bplace, s *bplace, limit float64) *bplace {
		var best *bplace
		for _, p := range cands {
			if p.gov != s.gov || p.seatOf != nil {
				continue
			}
			if d := distKm(p.Lat, p.Lon, s.Lat, s.Lon); d < limit {
				best, limit = p, d
			}
		}
		return best
	}
	seats := map[*bplace][]*bplace{} // district → seats of its subdistricts
	for _, s := range b.subs {
		name, _ := stripAdminWord(s.Name)
		p := nearest(byCanon[looseKey(name)], s, seatMaxKm)
		if p == nil {
			// Found by a variant: the official name becomes canonical
			// ("جوبان بك" is the seat of الراعي and is named so).
			if p = nearest(byName[looseKey(name)], s, seatMaxKm); p != nil {
				for _, n := range p.names {
					if looseKey(n) == looseKey(name) {
						p.setCanonical(n)
						break
					}
				}
			}
		}
		if p != nil {
			p.sub, p.dist, p.parent, p.seatOf = s, s.dist, s, s
			p.role = roleSubdistrictSeat
			seats[s.dist] = append(seats[s.dist], p)
		}
	}
	for _, d := range b.dists {
		for _, p := range seats[d] {
			if p.hasLooseKey(looseKey(d.Name)) {
				p.role = roleDistrictSeat
				break
			}
		}
	}
	for _, g := range b.govs {
		c := b.byID[g.ID+"0000"]
		if c == nil {
			c = g
		}
		var cands []*bplace
		for _, p := range byCanon[looseKey(g.Name)] {
			if p.seatOf == nil || p.role == roleDistrictSeat || p.seatOf == c {
				cands = append(cands, p)
			}
		}
		var p *bplace
		for _, q := range cands {
			if q.gov == g && (p == nil || distKm(q.Lat, q.Lon, c.Lat, c.Lon) < distKm(p.Lat, p.Lon, c.Lat, c.Lon)) {
				p = q
			}
		}
		if p != nil {
			p.role = roleCapital
			if p.seatOf == nil {
				p.sub, p.dist, p.parent = c, c.dist, c
			}
		}
	}
	// Seats take the administrative area's English name: OpenSyria's
	// romanization is consistent where WOF's varies ("Rastane", "Dar a").
	for _, p := range b.all {
		switch p.role {
		case roleCapital:
			p.Kind, p.NameEN = City, p.gov.NameEN
		case roleDistrictSeat:
			p.Kind, p.NameEN = City, p.dist.NameEN
		case roleSubdistrictSeat:
			p.Kind, p.NameEN = Town, p.seatOf.NameEN
		}
	}
}
