package document

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func TestZZCPU(t *testing.T) {
	if os.Getenv("CPU") == "" {
		t.Skip()
	}
	var docs []string
	n := 0
	files, _ := filepath.Glob("/tmp/claims/*.txt")
	for _, f := range files[:600] {
		x, _ := os.ReadFile(f)
		docs = append(docs, string(x))
		n += len(x)
	}
	dev, _ := filepath.Glob(devDocs + "/*.txt")
	var devd []string
	dn := 0
	for _, f := range dev {
		x, _ := os.ReadFile(f)
		devd = append(devd, string(x))
		dn += len(x)
	}
	bt := benchText(t)
	measure := func(name string, total int, f func()) {
		f()
		c0, w0 := cpuTime(), time.Now()
		reps := 0
		for cpuTime()-c0 < 3*time.Second {
			f()
			reps++
		}
		c := cpuTime() - c0
		fmt.Printf("%-10s %6.1f MB/s of CPU time (%6.1f MB/s wall)\n", name, float64(total*reps)/c.Seconds()/1e6, float64(total*reps)/time.Since(w0).Seconds()/1e6)
	}
	measure("base", n, func() {
		s := 0
		for _, d := range docs {
			for _, r := range d {
				if r == ' ' {
					s++
				}
			}
		}
	})
	measure("claims", n, func() {
		for _, d := range docs {
			Clean(d)
		}
	})
	measure("dev", dn, func() {
		for _, d := range devd {
			Clean(d)
		}
	})
	measure("bench", len(bt), func() { Clean(bt) })
}
