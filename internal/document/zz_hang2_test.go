package document

import (
	"fmt"
	"os"
	"testing"
	"time"
)

func TestZZHang2(t *testing.T) {
	if os.Getenv("HANG2") == "" {
		t.Skip()
	}
	b := []byte("ي }}ا ت م .\nوقالقائدميدانيإنالمقاتليندمروادبابةوعربةمدرعةخلالالمعاركوإنثلاثةمنعناصرالفصائلقتلوا .\nفيالمقابلذكرتوسائلعربةمدرعةخلالالمعاركوإنثلاثةمنعناصرالفصائلقتلوا\nفيالمقابلذكرتوسائلإعلامرسميةأنالجيشاستعادنقطتينعلىأطرافالقريةبعدقصفمكث\xd9\xd9")
	try := func(x []byte) {
		done := make(chan struct{})
		go func() { Clean(string(x)); close(done) }()
		select {
		case <-done:
		case <-time.After(2 * time.Second):
			os.WriteFile("/tmp/rd/hang.txt", x, 0o644)
			fmt.Printf("HANG %q\n", x)
			os.Exit(1)
		}
	}
	// all single-byte deletions and all chunk deletions (like the minimizer)
	for i := 0; i < len(b); i++ {
		for j := i + 1; j <= len(b); j++ {
			x := append(append([]byte(nil), b[:i]...), b[j:]...)
			try(x)
			try(b[i:j])
		}
	}
}
