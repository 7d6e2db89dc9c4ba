package api

import (
	"net/http"
	"sort"
	"strings"
	"sync"

	"rasad/internal/gazetteer"
)

// PlaceHit is a gazetteer place offered by autocomplete.
type PlaceHit struct {
	ID          string  `json:"id"`
	Name        string  `json:"name"`
	NameEN      string  `json:"name_en"`
	Kind        string  `json:"kind"`
	Governorate string  `json:"governorate"`
	Lat         float64 `json:"lat"`
	Lon         float64 `json:"lon"`
}

// placeIndex is every name of every place (Arabic folded, English lower
// case), sorted, for prefix lookups.
type placeIndex struct {
	g     *gazetteer.Gazetteer
	keys  []string
	place []int32 // index in g.Places of keys[i]
}

var (
	placesOnce sync.Once
	placesIdx  *placeIndex
)

func defaultPlaces() *placeIndex {
	placesOnce.Do(func() { placesIdx = newPlaceIndex(gazetteer.Default()) })
	return placesIdx
}

func newPlaceIndex(g *gazetteer.Gazetteer) *placeIndex {
	type kv struct {
		k string
		p int32
	}
	var all []kv
	for i := range g.Places {
		p := &g.Places[i]
		seen := map[string]bool{}
		add := func(k string) {
			if k != "" && !seen[k] {
				seen[k] = true
				all = append(all, kv{k, int32(i)})
			}
		}
		for _, n := range p.Names() {
			add(gazetteer.Fold(n))
		}
		add(strings.ToLower(p.NameEN))
	}
	sort.Slice(all, func(i, j int) bool { return all[i].k < all[j].k })
	ix := &placeIndex{g: g, keys: make([]string, len(all)), place: make([]int32, len(all))}
	for i, e := range all {
		ix.keys[i], ix.place[i] = e.k, e.p
	}
	return ix
}

// maxPlaceScan bounds how many index entries one prefix reads (a one-letter
// prefix matches thousands).
const maxPlaceScan = 5000

// lookup returns up to limit places with a name starting with prefix
// (Arabic, folded like the gazetteer's names, or English, any case), most
// prominent first; among equals, shorter names first.
func (ix *placeIndex) lookup(prefix string, limit int) []PlaceHit {
	keys := []string{gazetteer.Fold(prefix), strings.ToLower(strings.TrimSpace(prefix))}
	best := map[int32]bool{}
	var cand []int32
	for _, k := range keys {
		if k == "" {
			continue
		}
		i := sort.SearchStrings(ix.keys, k)
		for n := 0; i < len(ix.keys) && n < maxPlaceScan && strings.HasPrefix(ix.keys[i], k); i, n = i+1, n+1 {
			if p := ix.place[i]; !best[p] {
				best[p] = true
				cand = append(cand, p)
			}
		}
	}
	ps := ix.g.Places
	sort.Slice(cand, func(a, b int) bool {
		pa, pb := &ps[cand[a]], &ps[cand[b]]
		if pa.Rank != pb.Rank {
			return pa.Rank > pb.Rank
		}
		if len(pa.Name) != len(pb.Name) {
			return len(pa.Name) < len(pb.Name)
		}
		return pa.ID < pb.ID
	})
	out := make([]PlaceHit, 0, min(limit, len(cand)))
	for _, c := range cand[:min(limit, len(cand))] {
		p := &ps[c]
		out = append(out, PlaceHit{ID: p.ID, Name: p.Name, NameEN: p.NameEN, Kind: string(p.Kind),
			Governorate: p.Governorate, Lat: p.Lat, Lon: p.Lon})
	}
	return out
}

func (s *Server) places(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	prefix, err := text(q, "q")
	if err == nil && prefix == "" {
		err = badParam("parameter q is required: the beginning of a place name")
	}
	limit := 10
	if err == nil {
		limit, _, err = page(q, 10, 100)
	}
	if err != nil {
		s.answer(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, defaultPlaces().lookup(prefix, limit))
}
