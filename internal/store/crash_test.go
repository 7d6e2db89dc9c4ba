package store

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"rasad/internal/dedup"
)

const crashDocs = 1500

// crashCorpus is the corpus the crash test ingests: every document has a
// unique key "uN" and the shared key "common"; every tenth is a
// near-duplicate of the one before it.
func crashCorpus() []Doc {
	docs := make([]Doc, crashDocs)
	for i := range docs {
		seed := uint64(i)
		if i%10 == 9 {
			seed = uint64(i - 1)
		}
		text := fmt.Sprintf("common u%d %s", i, joinKeys(words(seed, 120)))
		docs[i] = mkDoc(fmt.Sprintf("doc%05d", i), "", "", "", text)
	}
	return docs
}

// TestCrashHelper is the child process of TestKilledIngest.
func TestCrashHelper(t *testing.T) {
	path := os.Getenv("RASAD_CRASH_DB")
	if path == "" {
		t.Skip("helper process of TestKilledIngest")
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	docs := crashCorpus()
	for i := 0; i < len(docs); i += 100 {
		if _, err := s.PutBatch(ctx, docs[i:i+100]); err != nil {
			t.Fatal(err)
		}
		fmt.Printf("committed %d\n", i+100)
	}
}

// TestKilledIngest kills an ingesting process with SIGKILL and checks that
// the database is consistent and that running the ingest again stores every
// document exactly once.
func TestKilledIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns a process")
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashHelper$", "-test.v")
	cmd.Env = append(os.Environ(), "RASAD_CRASH_DB="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	commits := 0
	for commits < 5 && sc.Scan() {
		if len(sc.Text()) > 9 && sc.Text()[:9] == "committed" {
			commits++
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if commits < 5 {
		t.Fatalf("helper stopped after %d commits", commits)
	}

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	stored := checkConsistent(t, s)
	if stored < 500 || stored%100 != 0 {
		t.Errorf("%d documents after the kill: want whole batches of 100, at least 5", stored)
	}

	docs := crashCorpus()
	inserted, unchanged := 0, 0
	for i := 0; i < len(docs); i += 500 {
		res := put(t, s, docs[i:i+500]...)
		for _, r := range res {
			switch r.Status {
			case Inserted:
				inserted++
			case Unchanged:
				unchanged++
			default:
				t.Errorf("%s: %v", r.ID, r.Status)
			}
		}
	}
	if unchanged != stored || inserted != crashDocs-stored {
		t.Errorf("re-run: %d inserted, %d unchanged; %d were stored", inserted, unchanged, stored)
	}
	if n := checkConsistent(t, s); n != crashDocs {
		t.Errorf("%d documents after the re-run, want %d", n, crashDocs)
	}
	for _, i := range []int{0, 777, crashDocs - 1} {
		hits, _, err := s.Search(ctx, Query{Match: fmt.Sprintf(`"u%d"`, i)})
		if err != nil || len(hits) != 1 || hits[0].ID != fmt.Sprintf("doc%05d", i) {
			t.Errorf("u%d: %v %v", i, hits, err)
		}
	}
	gs, _ := s.DupeGroups(ctx)
	if len(gs) != crashDocs/10 {
		t.Errorf("%d near-duplicate groups, want %d", len(gs), crashDocs/10)
	}
}

// checkConsistent verifies that the index and near-duplicate tables agree
// with the documents table, and returns the number of documents.
func checkConsistent(t *testing.T, s *Store) int {
	t.Helper()
	n, err := s.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, indexed, err := s.Search(ctx, Query{Match: "common"}); err != nil || indexed != n {
		t.Errorf("%d documents, %d indexed (%v)", n, indexed, err)
	}
	var sigs, bands int
	s.db.QueryRow("SELECT count(*) FROM minhash").Scan(&sigs)
	s.db.QueryRow("SELECT count(*) FROM lsh").Scan(&bands)
	if sigs != n || bands != n*dedup.NumBands {
		t.Errorf("%d documents, %d signatures, %d band rows", n, sigs, bands)
	}
	var orphans int
	s.db.QueryRow("SELECT count(*) FROM minhash WHERE doc NOT IN (SELECT n FROM documents)").Scan(&orphans)
	if orphans != 0 {
		t.Errorf("%d orphan signatures", orphans)
	}
	checkIndexRows(t, s)
	return n
}
