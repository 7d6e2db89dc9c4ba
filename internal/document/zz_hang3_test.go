package document

import (
	"fmt"
	"math/rand"
	"os"
	"testing"
	"time"

	"rasad/internal/source"
)

func TestZZHang3(t *testing.T) {
	if os.Getenv("HANG3") == "" {
		t.Skip()
	}
	page, _ := os.ReadFile("testdata/page.html")
	seeds := [][]byte{page, []byte("<p>" + para1 + "</p>"), []byte("<div><div><div><p>" + para1 + "<script>x</script><style>y</style>&amp;&#x0;&#1602;")}
	rng := rand.New(rand.NewSource(2))
	var worst time.Duration
	for it := 0; it < 3000; it++ {
		b := append([]byte(nil), seeds[rng.Intn(len(seeds))]...)
		for m := rng.Intn(6) + 1; m > 0 && len(b) > 0; m-- {
			switch rng.Intn(4) {
			case 0:
				b[rng.Intn(len(b))] = byte(rng.Intn(256))
			case 1:
				i := rng.Intn(len(b))
				b = append(b[:i], b[i+1:]...)
			case 2:
				i, j := rng.Intn(len(b)), rng.Intn(len(b))
				if i > j {
					i, j = j, i
				}
				b = append(b[:j:j], append(append([]byte(nil), b[i:j]...), b[j:]...)...)
			case 3:
				i := rng.Intn(len(b))
				b = b[:i]
			}
		}
		st := time.Now()
		done := make(chan struct{})
		go func() { Build(source.Record{Origin: "f.html", Format: source.HTML, Body: b}); close(done) }()
		select {
		case <-done:
			if d := time.Since(st); d > worst {
				worst = d
				os.WriteFile("/tmp/rd/slow.html", b, 0o644)
			}
		case <-time.After(5 * time.Second):
			os.WriteFile("/tmp/rd/hang.html", b, 0o644)
			fmt.Printf("HANG at %d, %d bytes\n", it, len(b))
			os.Exit(1)
		}
	}
	fmt.Println("worst", worst)
}
