package document

import (
	"fmt"
	"os"
	"testing"
)

func TestZZDbg(t *testing.T) {
	f := os.Getenv("DBG_FILE")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	c := newCleaner(string(b))
	c.classify()
	c.markDates()
	c.findHead()
	c.markTail()
	c.markRuns()
	fmt.Println("head", c.head, len(c.toks))
	for i := 0; i < 120 && i < len(c.toks); i++ {
		tk := c.toks[i]
		fmt.Printf("%d %q key=%q kind=%d flags=%b rm=%v term=%v\n", i, c.rawTok(i), c.key(i), tk.kind, tk.flags, tk.rm, c.isTerm(i))
	}
}
