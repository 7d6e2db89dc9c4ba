package actors

import (
	"sync"
	"testing"
)

func TestConcurrent(t *testing.T) {
	l := Default()
	text := readReport(t)
	want := formatMentions(l.Find(text))
	var wg sync.WaitGroup
	for k := 0; k < 4; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 20; j++ {
				if got := formatMentions(l.Find(text)); got != want {
					t.Error("concurrent Find differs")
					return
				}
				l.FindSources(text, nil)
			}
		}()
	}
	wg.Wait()
}
