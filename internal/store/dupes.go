package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"rasad/internal/dedup"
)

// maxCandidates caps the documents read from the LSH buckets of one
// signature. Buckets this full hold documents that already share a group
// (one template republished many times); some of them suffice to join it,
// and the cap keeps an insert's cost bounded.
const maxCandidates = 256

// lshChunk is the number of band rows written per INSERT statement.
const lshChunk = 64

// hashArgs makes band hashes statement arguments.
func hashArgs(bands []uint64) []any {
	args := make([]any, len(bands))
	for i, h := range bands {
		args[i] = int64(h)
	}
	return args
}

// addNearDup stores document n's signature and band hashes and puts it in
// the near-duplicate group of the stored documents it is a near-duplicate
// of, merging their groups when it bridges several. Group ids are the
// smallest document id of the group. It returns the group id, "" if none.
func (w *writer) addNearDup(n int64, id string, sig []uint64) (string, error) {
	ctx := w.ctx
	bands := dedup.Bands(sig)
	rows, err := w.selLSH.QueryContext(ctx, hashArgs(bands)...)
	if err != nil {
		return "", err
	}
	var cands []int64
	for b, h := range bands {
		for _, c := range w.batchBucket[lshKey{b, h}] {
			if !slices.Contains(cands, c) {
				cands = append(cands, c)
			}
		}
	}
	for rows.Next() {
		var c int64
		if err := rows.Scan(&c); err != nil {
			rows.Close()
			return "", err
		}
		if c != n && !slices.Contains(cands, c) {
			cands = append(cands, c)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return "", err
	}
	var matches []int64
	for _, c := range cands {
		var blob []byte
		if err := w.selSig.QueryRowContext(ctx, c).Scan(&blob); err != nil {
			return "", fmt.Errorf("signature of candidate %d: %w", c, err)
		}
		other, err := decodeSig(blob)
		if err != nil {
			continue // unreadable: treat as no match
		}
		if dedup.IsNearDuplicate(sig, other) {
			matches = append(matches, c)
		}
	}

	if _, err := w.putSig.ExecContext(ctx, n, encodeSig(sig)); err != nil {
		return "", err
	}
	w.pendingBands[n] = bands
	for b, h := range bands {
		k := lshKey{b, h}
		w.batchBucket[k] = append(w.batchBucket[k], n)
	}
	if len(matches) == 0 {
		return "", nil
	}

	// The new group: the smallest id among this document, its matches and
	// the groups they are in (a group's id is already its smallest id).
	group := id
	var ungrouped []int64
	var groups []string
	for _, c := range matches {
		var cid, cgroup string
		if err := w.selDocN.QueryRowContext(ctx, c).Scan(&cid, &cgroup); err != nil {
			return "", fmt.Errorf("candidate %d: %w", c, err)
		}
		if cgroup == "" {
			ungrouped = append(ungrouped, c)
			group = min(group, cid)
		} else {
			if !slices.Contains(groups, cgroup) {
				groups = append(groups, cgroup)
			}
			group = min(group, cgroup)
		}
	}
	for _, g := range groups {
		if g != group {
			if _, err := w.moveGroup.ExecContext(ctx, group, g); err != nil {
				return "", err
			}
		}
	}
	for _, c := range append(ungrouped, n) {
		if _, err := w.setGroupN.ExecContext(ctx, group, c); err != nil {
			return "", err
		}
	}
	return group, nil
}

// regroup recomputes group g after one of its members changed or left:
// the remaining members are split into the connected components of their
// near-duplicate pairs; each component of two or more takes its smallest id
// as group id, lone members leave the group.
func (w *writer) regroup(g string) error {
	ctx := w.ctx
	rows, err := w.memb.QueryContext(ctx, g)
	if err != nil {
		return err
	}
	type member struct {
		n   int64
		id  string
		sig []uint64
	}
	var ms []member
	for rows.Next() {
		var m member
		if err := rows.Scan(&m.n, &m.id); err != nil {
			rows.Close()
			return err
		}
		ms = append(ms, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for i := range ms {
		var blob []byte
		if err := w.selSig.QueryRowContext(ctx, ms[i].n).Scan(&blob); err == nil {
			ms[i].sig, _ = decodeSig(blob)
		}
	}
	var uf dedup.Groups
	for i := range ms {
		for j := i + 1; j < len(ms); j++ {
			if dedup.IsNearDuplicate(ms[i].sig, ms[j].sig) {
				uf.Union(ms[i].id, ms[j].id)
			}
		}
	}
	groupOf := uf.Members()
	for _, m := range ms {
		var ng any // NULL: alone
		if root, ok := groupOf[m.id]; ok {
			ng = root
		}
		if _, err := w.setGroupN.ExecContext(ctx, ng, m.n); err != nil {
			return err
		}
	}
	return nil
}

// DupeMember is one document of a near-duplicate group.
type DupeMember struct {
	ID         string  `json:"id"`
	Title      string  `json:"title,omitempty"`
	Outlet     string  `json:"outlet,omitempty"`
	Published  string  `json:"published,omitempty"`
	Similarity float64 `json:"similarity"` // estimated Jaccard similarity to the group's first document (1 for itself)
}

// DupeGroup is a set of near-duplicate documents.
type DupeGroup struct {
	ID            string       `json:"id"`             // the smallest member id
	Members       []DupeMember `json:"members"`        // sorted by id; Members[0].ID == ID
	MinSimilarity float64      `json:"min_similarity"` // lowest similarity of a member to the first
}

// DupeGroups returns every near-duplicate group, largest first (then by id).
func (s *Store) DupeGroups(ctx context.Context) ([]DupeGroup, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT d.dupe_group, d.id, d.title, d.outlet, d.published, m.sig
		FROM documents d LEFT JOIN minhash m ON m.doc = d.n
		WHERE d.dupe_group IS NOT NULL ORDER BY d.dupe_group, d.id`)
	if err != nil {
		return nil, fmt.Errorf("store: listing near-duplicate groups: %w", err)
	}
	defer rows.Close()
	var out []DupeGroup
	var first []uint64
	for rows.Next() {
		var g string
		var m DupeMember
		var blob []byte
		if err := rows.Scan(&g, &m.ID, &m.Title, &m.Outlet, &m.Published, &blob); err != nil {
			return nil, fmt.Errorf("store: listing near-duplicate groups: %w", err)
		}
		sig, _ := decodeSig(blob)
		if len(out) == 0 || out[len(out)-1].ID != g {
			out = append(out, DupeGroup{ID: g, MinSimilarity: 1})
			first = sig
		}
		grp := &out[len(out)-1]
		m.Similarity = dedup.Similarity(first, sig)
		grp.MinSimilarity = min(grp.MinSimilarity, m.Similarity)
		grp.Members = append(grp.Members, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: listing near-duplicate groups: %w", err)
	}
	slices.SortStableFunc(out, func(a, b DupeGroup) int { return len(b.Members) - len(a.Members) })
	return out, nil
}

// dropPendingBands forgets the not yet written band rows of document n.
func (w *writer) dropPendingBands(n int64) {
	for b, h := range w.pendingBands[n] {
		k := lshKey{b, h}
		w.batchBucket[k] = slices.DeleteFunc(w.batchBucket[k], func(d int64) bool { return d == n })
		if len(w.batchBucket[k]) == 0 {
			delete(w.batchBucket, k)
		}
	}
	delete(w.pendingBands, n)
}

// flushBands writes the batch's band rows in key order.
func (w *writer) flushBands() error {
	type row struct {
		band int
		hash int64
		doc  int64
	}
	rows := make([]row, 0, len(w.pendingBands)*dedup.NumBands)
	for n, bands := range w.pendingBands {
		for b, h := range bands {
			rows = append(rows, row{b, int64(h), n})
		}
	}
	slices.SortFunc(rows, func(a, b row) int {
		if c := cmp.Compare(a.hash, b.hash); c != 0 {
			return c
		}
		return cmp.Compare(a.doc, b.doc)
	})
	args := make([]any, 0, 3*lshChunk)
	for len(rows) >= lshChunk {
		args = args[:0]
		for _, r := range rows[:lshChunk] {
			args = append(args, r.hash, r.doc, r.band)
		}
		if _, err := w.insLSH.ExecContext(w.ctx, args...); err != nil {
			return fmt.Errorf("store: writing band rows: %w", err)
		}
		rows = rows[lshChunk:]
	}
	for _, r := range rows {
		if _, err := w.insLSH1.ExecContext(w.ctx, r.hash, r.doc, r.band); err != nil {
			return fmt.Errorf("store: writing band rows: %w", err)
		}
	}
	clear(w.pendingBands)
	clear(w.batchBucket)
	return nil
}
