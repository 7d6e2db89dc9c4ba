package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"time"

	"rasad/internal/arabic"
)

type analyzeCmd struct {
	File  string `arg:"" optional:"" default:"-" help:"UTF-8 text; - reads stdin." type:"path"`
	Stats bool   `help:"Only count: analyse the file line by line (one article a line, as the peers' corpus) and print throughput."`
}

func (c *analyzeCmd) Run(g *globals) error {
	var r io.Reader = os.Stdin
	if c.File != "-" {
		f, err := os.Open(c.File)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	if c.Stats {
		return analyzeStats(r)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	text := string(data)
	a := arabic.Analyze(text)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for i, s := range a.Sentences {
		fmt.Fprintf(w, "sentence %d [%d,%d): %s\n", i+1, s.Start, s.End, text[s.Start:s.End])
	}
	fmt.Fprintln(w)
	for _, t := range a.Tokens {
		fmt.Fprintf(w, "%d\t%d\t%s\t%s\t%s\n", t.Start, t.End, t.Kind, text[t.Start:t.End], t.Norm)
	}
	fmt.Fprintln(w)
	for _, n := range arabic.Numbers(text) {
		fmt.Fprintf(w, "number [%d,%d) %q = %d", n.Start, n.End, n.Text, n.Value)
		if n.Qualifier == "range" {
			fmt.Fprintf(w, "-%d", n.Max)
		}
		fmt.Fprintf(w, " %s", n.Qualifier)
		if n.Vague {
			fmt.Fprint(w, " vague")
		}
		fmt.Fprintln(w)
	}
	return nil
}

// analyzeStats times normalize + tokenize + sentence split over r, one line
// at a time, the way ../shared/peers times Lucene's ArabicAnalyzer.
func analyzeStats(r io.Reader) error {
	br := bufio.NewReaderSize(r, 1<<20)
	var bytes, tokens, sentences, lines int
	start := time.Now()
	for {
		line, err := br.ReadString('\n')
		if len(line) > 0 {
			lines++
			bytes += len(line)
			a := arabic.Analyze(line)
			tokens += len(a.Tokens)
			sentences += len(a.Sentences)
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
	}
	sec := time.Since(start).Seconds()
	fmt.Printf("rasad analyze | %.1f MB/s | %.2fM tokens/s (%d tokens, %d sentences, %d lines, %.3f s)\n",
		float64(bytes)/1e6/sec, float64(tokens)/1e6/sec, tokens, sentences, lines, sec)
	return nil
}
