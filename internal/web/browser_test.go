package web_test

// Browser tests: the real API server (package api over a temporary store
// with the demo reports) serving the embedded web app, driven by a headless
// Debian chromium through chromedp. Skipped when no chromium is installed
// (.ci/run installs it).

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"rasad/internal/api"
	"rasad/internal/store"
	"rasad/internal/web"
)

const testToken = "browser-test-token"

func findChromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("RASAD_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no chromium binary found (apt-get install chromium, or set RASAD_CHROMIUM): browser tests skipped")
	return ""
}

func artifactDir(t *testing.T) string {
	t.Helper()
	if d := os.Getenv("RASAD_ARTIFACTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatalf("creating $RASAD_ARTIFACTS %s: %v", d, err)
		}
		return d
	}
	return t.TempDir()
}

// demoServer starts the API over a fresh store holding the demo reports,
// with the embedded web app at /.
func demoServer(t *testing.T) *httptest.Server {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "browser.db"))
	if err != nil {
		t.Fatalf("opening the store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	if err := api.Demo(context.Background(), st); err != nil {
		t.Fatalf("ingesting the demo reports: %v", err)
	}
	srv := httptest.NewServer(api.New(st, api.Options{Token: testToken, Static: web.Handler()}).Handler())
	t.Cleanup(srv.Close)
	return srv
}

// pageErrors collects uncaught exceptions and console errors of the page.
type pageErrors struct {
	mu   sync.Mutex
	list []string
}

func (p *pageErrors) listen(ev any) {
	var msg string
	switch e := ev.(type) {
	case *runtime.EventExceptionThrown:
		msg = e.ExceptionDetails.Text
		if e.ExceptionDetails.Exception != nil && e.ExceptionDetails.Exception.Description != "" {
			msg += " " + e.ExceptionDetails.Exception.Description
		}
	case *runtime.EventConsoleAPICalled:
		if e.Type != "error" {
			return
		}
		var parts []string
		for _, a := range e.Args {
			parts = append(parts, string(a.Value)+a.Description)
		}
		msg = "console.error: " + strings.Join(parts, " ")
	default:
		return
	}
	p.mu.Lock()
	p.list = append(p.list, msg)
	p.mu.Unlock()
}

// take returns and forgets the errors seen so far.
func (p *pageErrors) take() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := p.list
	p.list = nil
	return out
}

func newBrowser(t *testing.T, execPath string, errs *pageErrors) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(execPath),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelB := chromedp.NewContext(actx, chromedp.WithLogf(t.Logf), chromedp.WithListener(errs.listen))
	t.Cleanup(func() {
		cancelB()
		cancelA()
	})
	// Start the browser now so a failure to launch is reported as such.
	if _, err := chromedp.Run(ctx, chromedp.Steps()); err != nil {
		t.Fatalf("starting chromium %s: %v", execPath, err)
	}
	return ctx
}

type step = chromedp.Action[chromedp.Void]

// run runs the steps with a time limit and fails the test on error.
func run(t *testing.T, ctx context.Context, what string, steps ...step) {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if _, err := chromedp.Run(c, chromedp.Steps(steps...)); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression into *dst.
func eval[T any](expr string, dst *T, opts ...chromedp.EvaluateOption) step {
	return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		v, err := chromedp.Evaluate[T](expr, opts...)(ctx, tg)
		if err != nil {
			return chromedp.Void{}, fmt.Errorf("evaluating %.60q: %w", expr, err)
		}
		*dst = v
		return chromedp.Void{}, nil
	}
}

// exec evaluates a JavaScript expression for its effect.
func js(expr string) step { return chromedp.Evaluate[chromedp.Void](expr) }

// poll waits until the expression is truthy.
func poll(expr string) step {
	return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingInterval(25*time.Millisecond), chromedp.WithPollingTimeout(20*time.Second))(ctx, tg)
		if err != nil {
			return chromedp.Void{}, fmt.Errorf("waiting for %.80q: %w", expr, err)
		}
		return chromedp.Void{}, nil
	}
}

func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	chromium := findChromium(t)
	srv := demoServer(t)
	errs := &pageErrors{}
	ctx := newBrowser(t, chromium, errs)
	artifacts := artifactDir(t)
	// Every subtest ends with no uncaught exception or console error.
	check := func(t *testing.T) {
		t.Helper()
		for _, e := range errs.take() {
			t.Errorf("page error: %s", e)
		}
	}

	t.Run("page loads and markers appear", func(t *testing.T) {
		defer check(t)
		var lang, dir string
		var markers int
		var tti, loaded float64
		var fontOK bool
		run(t, ctx, "loading the page",
			chromedp.Navigate(srv.URL+"/"),
			poll(`Number(document.body.dataset.markers) > 0 && document.querySelectorAll('.ev-marker, .ev-cluster').length > 0`),
			eval(`document.documentElement.lang`, &lang),
			eval(`document.documentElement.dir`, &dir),
			eval(`document.querySelectorAll('.ev-marker, .ev-cluster').length`, &markers),
			eval(`window.__rasadMarkersAt`, &tti),
			poll(`document.readyState === 'complete'`),
			eval(`performance.getEntriesByType('navigation')[0].loadEventEnd`, &loaded),
			eval(`document.fonts.ready.then(() => document.fonts.check("16px 'Noto Naskh Arabic'", "سوريا"))`, &fontOK, chromedp.EvalAwaitPromise),
		)
		if lang != "ar" || dir != "rtl" {
			t.Errorf("html lang=%q dir=%q, want ar and rtl", lang, dir)
		}
		if markers == 0 {
			t.Error("no markers or clusters on the map")
		}
		if !fontOK {
			t.Error("the Noto Naskh Arabic font is not loaded")
		}
		// Logged, not asserted: timings depend on the machine.
		png := screenshot(t, ctx, filepath.Join(artifacts, "rasad-page.png"))
		t.Logf("screenshot: %s", png)
		t.Logf("cold: time to interactive (navigation start → markers rendered): %.0f ms; load event end %.0f ms; %d marker/cluster icons", tti, loaded, markers)
		var resources string
		run(t, ctx, "reloading the page",
			chromedp.Navigate(srv.URL+"/"),
			poll(`window.__rasadMarkersAt > 0`),
			eval(`window.__rasadMarkersAt`, &tti),
			eval(`performance.getEntriesByType('resource').map(r => r.name.replace(location.origin, '') + ' ' + Math.round(r.startTime) + '+' + Math.round(r.duration) + 'ms').join('; ')`, &resources),
		)
		t.Logf("warm: time to interactive %.0f ms; resources: %s", tti, resources)
	})

	t.Run("byte offsets map to string indices", func(t *testing.T) {
		defer check(t)
		// a(1) é(2) 😀(4) ب(2): byte offsets 0,1,3,7,9 ↔ UTF-16 indices 0,1,2,4,5.
		var got []map[string]int
		run(t, ctx, "evaluating the offset mapping",
			eval(`(() => { const s = "aé😀ب"; const ix = new rasad.Utf8Index(s);
				return [[1,3],[3,7],[7,9],[0,9],[4,6],[2,8]].map(([a,b]) => ix.span(a,b)); })()`, &got))
		want := []map[string]int{{"start": 1, "end": 2}, {"start": 2, "end": 4}, {"start": 4, "end": 5}, {"start": 0, "end": 5}, {"start": 2, "end": 4}, {"start": 1, "end": 5}}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("spans = %v, want %v", got, want)
		}
	})

	t.Run("Arabic counts take the right noun form", func(t *testing.T) {
		defer check(t)
		var got []string
		run(t, ctx, "evaluating countPhrase",
			eval(`[1, 2, 3, 10, 11, 99, 100, 102, 103, 111, 1000].map(n => rasad.countPhrase(n, rasad.KILLED_FORMS))`, &got))
		want := []string{"قتيل واحد", "قتيلان", "3 قتلى", "10 قتلى", "11 قتيلاً", "99 قتيلاً", "100 قتيل", "102 قتيل", "103 قتلى", "111 قتيلاً", "1000 قتيل"}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("countPhrase:\n got %q\nwant %q", got, want)
		}
	})

	t.Run("filtering by type changes the list", func(t *testing.T) {
		defer check(t)
		var before []string
		run(t, ctx, "reading the list",
			chromedp.Navigate(srv.URL+"/"),
			poll(`document.querySelectorAll('#event-list .event-row').length > 0 && document.body.dataset.loading === ''`),
			eval(`[...document.querySelectorAll('#event-list .event-row')].map(b => b.dataset.type)`, &before),
		)
		counts := map[string]int{}
		for _, ty := range before {
			counts[ty]++
		}
		if len(counts) < 2 {
			t.Skipf("the demo list has only the types %v: cannot test a narrowing filter", counts)
		}
		pick := ""
		for ty, n := range counts {
			if pick == "" || n < counts[pick] || (n == counts[pick] && ty < pick) {
				pick = ty
			}
		}
		var after []string
		var url string
		run(t, ctx, "filtering by type "+pick,
			poll(`document.getElementById('f-type').options.length > 1`),
			js(fmt.Sprintf(`(() => { window.__gen = document.body.dataset.generation; const s = document.getElementById('f-type'); s.value = %q; s.dispatchEvent(new Event('change')); })()`, pick)),
			poll(`document.body.dataset.generation !== window.__gen && document.body.dataset.loading === ''`),
			eval(`[...document.querySelectorAll('#event-list .event-row')].map(b => b.dataset.type)`, &after),
			eval(`location.search`, &url),
		)
		if len(after) != counts[pick] {
			t.Errorf("after filtering by %s the list has %d events, want %d", pick, len(after), counts[pick])
		}
		for _, ty := range after {
			if ty != pick {
				t.Errorf("list shows type %q after filtering by %q", ty, pick)
			}
		}
		if !strings.Contains(url, "type="+pick) {
			t.Errorf("URL query %q does not keep the type filter", url)
		}
		// The URL restores the view.
		var sel string
		var restored []string
		run(t, ctx, "reloading the filtered URL",
			chromedp.Navigate(srv.URL+"/"+url),
			poll(`document.body.dataset.generation !== undefined && document.body.dataset.loading === '' && document.querySelectorAll('#event-list .event-row').length > 0`),
			eval(`document.getElementById('f-type').value`, &sel),
			eval(`[...document.querySelectorAll('#event-list .event-row')].map(b => b.dataset.type)`, &restored),
		)
		if sel != pick || len(restored) != len(after) {
			t.Errorf("reloaded %s: type select %q, %d rows; want %q and %d rows", url, sel, len(restored), pick, len(after))
		}
	})

	t.Run("brushing the timeline sets the dates", func(t *testing.T) {
		defer check(t)
		var search string
		var rows, before int
		run(t, ctx, "brushing the timeline",
			chromedp.Navigate(srv.URL+"/"),
			poll(`document.body.dataset.loading === '' && rasad.timeline.plot && document.querySelectorAll('#event-list .event-row').length > 0`),
			eval(`document.querySelectorAll('#event-list .event-row').length`, &before),
			js(`(() => { window.__gen = document.body.dataset.generation; const u = rasad.timeline.plot;
				const w = u.bbox.width / devicePixelRatio; u.setSelect({left: w * 0.8, width: w * 0.19, top: 0, height: 10}, true); })()`),
			poll(`document.body.dataset.generation !== window.__gen && document.body.dataset.loading === ''`),
			eval(`location.search`, &search),
			eval(`document.querySelectorAll('#event-list .event-row').length`, &rows),
		)
		if !strings.Contains(search, "from=") || !strings.Contains(search, "to=") {
			t.Errorf("after brushing the URL query is %q: want from= and to=", search)
		}
		if rows >= before {
			t.Errorf("brushing the last fifth of the timeline left %d of %d events in the list", rows, before)
		}
	})

	t.Run("clicking a marker opens its event", func(t *testing.T) {
		defer check(t)
		var n int
		run(t, ctx, "loading the page",
			chromedp.Navigate(srv.URL+"/"),
			poll(`document.querySelectorAll('.ev-marker, .ev-cluster').length > 0`),
			eval(`document.querySelectorAll('.ev-marker').length`, &n),
		)
		if n == 0 {
			t.Skip("every demo event is inside a cluster at the first zoom")
		}
		var search string
		run(t, ctx, "clicking a marker",
			chromedp.Click(chromedp.CSS(`.ev-marker`)),
			poll(`!document.getElementById('panel').hidden && document.querySelector('#panel-body .panel-content') !== null`),
			eval(`location.search`, &search),
		)
		if !strings.Contains(search, "event=") {
			t.Errorf("the URL %q does not keep the open event", search)
		}
	})

	t.Run("opening an event shows its highlighted evidence", func(t *testing.T) {
		defer check(t)
		var id string
		var marks []string
		run(t, ctx, "opening the first event",
			chromedp.Navigate(srv.URL+"/"),
			poll(`document.querySelectorAll('#event-list .event-row').length > 0 && document.body.dataset.loading === ''`),
			eval(`document.querySelector('#event-list .event-row').dataset.id`, &id),
			chromedp.Click(chromedp.CSS(`#event-list .event-row`)),
			poll(`document.querySelectorAll('#panel-body mark.evidence').length > 0`),
			eval(`[...document.querySelectorAll('#panel-body mark.evidence')].map(m => m.textContent)`, &marks),
		)
		var detail struct {
			Evidence []struct {
				Text string `json:"text"`
			} `json:"evidence"`
		}
		getJSON(t, srv.URL+"/api/events/"+id, &detail)
		var want strings.Builder
		for _, e := range detail.Evidence {
			want.WriteString(e.Text)
		}
		got := strings.Join(marks, "")
		if want.Len() == 0 || !strings.Contains(squash(want.String()), squash(got)) || len(squash(got)) < len(squash(want.String()))/2 {
			t.Errorf("highlighted evidence of event %s:\n got %q\nwant %q", id, got, want.String())
		}
		png := screenshot(t, ctx, filepath.Join(artifacts, "rasad-event-panel.png"))
		t.Logf("screenshot: %s (%d bytes)", png, fileSize(png))

		var readerMarks int
		run(t, ctx, "opening the document reader",
			chromedp.Click(chromedp.CSS(`#panel-body .open-reader`)),
			poll(`document.getElementById('reader').open && document.querySelectorAll('#reader-body mark.evidence').length > 0`),
			eval(`document.querySelectorAll('#reader-body mark').length`, &readerMarks),
		)
		png = screenshot(t, ctx, filepath.Join(artifacts, "rasad-reader.png"))
		t.Logf("reader: %d highlighted spans; screenshot: %s", readerMarks, png)
	})

	t.Run("an ingested report with markup is shown as text and runs nothing", func(t *testing.T) {
		defer check(t)
		const script = `<script>window.__pwned=1</script>`
		const img = `<img src=x onerror="window.__pwned=1">`
		article := map[string]string{
			"id":        "xss-probe",
			"title":     "تقرير تجريبي " + img,
			"outlet":    "وكالة تجريبية " + script,
			"published": "2019-03-12",
			"url":       "javascript:window.__pwned=1",
			"text": "دير الزور - قصفت الطائرات الحربية الروسية صباح اليوم مدينة الميادين في ريف دير الزور الشرقي " + script +
				"، ما أدى إلى مقتل خمسة مدنيين بينهم طفلان، بحسب المرصد السوري لحقوق الإنسان. " + img +
				"\n\nوقال ناشطون إن قوات النظام استهدفت بلدة العشارة بالمدفعية الثقيلة " + img + " دون ورود أنباء عن إصابات.",
		}
		body, _ := json.Marshal(article)
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/api/documents", bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+testToken)
		req.Header.Set("Content-Type", "application/json")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusCreated && res.StatusCode != http.StatusOK {
			t.Fatalf("POST /api/documents: status %d", res.StatusCode)
		}
		var doc struct {
			Title     string `json:"title"`
			Outlet    string `json:"outlet"`
			CleanText string `json:"clean_text"`
			Events    []struct {
				ID int `json:"id"`
			} `json:"events"`
		}
		getJSON(t, srv.URL+"/api/documents/xss-probe", &doc)
		if !strings.Contains(doc.CleanText, "<script>") {
			t.Logf("note: the cleaner removed the markup from the text; the title and outlet still carry it")
		}

		var readerText, title string
		var imgs, scripts int
		var pwned bool
		run(t, ctx, "opening the report in the reader",
			chromedp.Navigate(srv.URL+"/?doc=xss-probe"),
			poll(`document.getElementById('reader').open && document.querySelector('#reader-body .report-text') !== null`),
			eval(`document.querySelector('#reader-body .report-text').textContent`, &readerText),
			eval(`document.getElementById('reader-title').textContent`, &title),
			eval(`document.querySelectorAll('#reader img, #panel img, #event-list img').length`, &imgs),
			eval(`document.querySelectorAll('body script').length`, &scripts),
			chromedp.Sleep(200*time.Millisecond),
			eval(`window.__pwned !== undefined`, &pwned),
		)
		if readerText != doc.CleanText {
			t.Errorf("the reader does not show the clean text as text:\n got %q\nwant %q", readerText, doc.CleanText)
		}
		if title != doc.Title || !strings.Contains(doc.Title+doc.CleanText, "<") {
			t.Errorf("reader title %q, want the stored title %q shown as text (and some markup left in title or text to test)", title, doc.Title)
		}
		if imgs != 0 || scripts != 0 || pwned {
			t.Errorf("markup of the report became live: %d img, %d script elements, window.__pwned set: %v", imgs, scripts, pwned)
		}
		png := screenshot(t, ctx, filepath.Join(artifacts, "rasad-xss-reader.png"))
		t.Logf("screenshot: %s", png)

		if len(doc.Events) == 0 {
			t.Logf("no event extracted from the probe report: the event panel part is not exercised")
			return
		}
		var panelText string
		run(t, ctx, "opening the probe's event",
			chromedp.Navigate(fmt.Sprintf("%s/?event=%d", srv.URL, doc.Events[0].ID)),
			poll(`document.querySelector('#panel-body .panel-content') !== null`),
			eval(`document.getElementById('panel-body').textContent`, &panelText),
			eval(`document.querySelectorAll('#panel img, #panel script').length`, &imgs),
			eval(`[...document.querySelectorAll('#panel a')].filter(a => a.href.startsWith('javascript:')).length`, &scripts),
			chromedp.Sleep(200*time.Millisecond),
			eval(`window.__pwned !== undefined`, &pwned),
		)
		if !strings.Contains(panelText, doc.Outlet) || !strings.Contains(panelText, doc.Title) {
			t.Errorf("the event panel should show the outlet %q and title %q as text; panel text: %q", doc.Outlet, doc.Title, panelText)
		}
		if imgs != 0 || scripts != 0 || pwned {
			t.Errorf("event panel: %d live img/script elements, %d javascript: links, window.__pwned set: %v", imgs, scripts, pwned)
		}
	})
}

func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d", url, res.StatusCode)
	}
	if err := json.NewDecoder(res.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

func screenshot(t *testing.T, ctx context.Context, path string) string {
	t.Helper()
	run(t, ctx, "letting the page settle", chromedp.Sleep(300*time.Millisecond))
	c, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	buf, err := chromedp.Run(c, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("taking a screenshot: %v", err)
	}
	if err := os.WriteFile(path, buf, 0o644); err != nil {
		t.Fatalf("writing the screenshot: %v", err)
	}
	return path
}

func fileSize(p string) int64 {
	st, err := os.Stat(p)
	if err != nil {
		return 0
	}
	return st.Size()
}
