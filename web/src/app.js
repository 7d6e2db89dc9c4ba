// rasad's analyst page: filters bound to the URL, a map of clustered events,
// a timeline, an event list, an event panel with highlighted evidence and a
// document reader. Every string that comes from the API is inserted with
// textContent or as a text node.
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'uplot/dist/uPlot.min.css';
import './app.css';
import { get } from './api.js';
import { readState, writeState, filterParams } from './state.js';
import { EventMap } from './map.js';
import { Timeline } from './timeline.js';
import {
  TYPE_ORDER, typeLabel, subtypeLabel, actorLabel, qualifierLabel, geoPrecisionLabel,
  timePrecisionLabel, mentionKindLabel, typeColor, framingLabel, countPhrase, EVENT_FORMS, KILLED_FORMS,
} from './labels.js';
import { Utf8Index, highlight, el, safeHref, fmtNumber, fmtDate, byteSpanToIndices } from './text.js';

const PAGE = 200;
const $ = (id) => document.getElementById(id);

const state = readState();
let generation = 0; // drops responses of superseded loads
let listOffset = 0;
let controller = null;
// Ask the server first, then build the page while the answers come.
const firstLoad = requestEvents();
const facetsReq = get('/api/facets');
facetsReq.catch(() => {});

const ui = {
  type: $('f-type'),
  actor: $('f-actor'),
  outlet: $('f-outlet'),
  q: $('f-q'),
  range: $('f-range'),
  clearRange: $('f-clear-range'),
  reset: $('f-reset'),
  status: $('status'),
  count: $('list-count'),
  list: $('event-list'),
  more: $('list-more'),
  listView: $('list-view'),
  panel: $('panel'),
  panelBody: $('panel-body'),
  panelClose: $('panel-close'),
  reader: $('reader'),
  readerBody: $('reader-body'),
  readerTitle: $('reader-title'),
  readerClose: $('reader-close'),
  about: $('about'),
  aboutOpen: $('about-open'),
  aboutClose: $('about-close'),
};

const map = new EventMap($('map'), (id) => openEvent(id));
const timeline = new Timeline($('timeline-plot'), $('timeline-note'), (from, to) => {
  state.from = from;
  state.to = to;
  applyFilters();
});

function setStatus(msg, isError = false) {
  ui.status.textContent = msg || '';
  ui.status.classList.toggle('error', Boolean(isError));
}

// ---- filters -------------------------------------------------------------

function fillSelect(select, all, counts, label) {
  const current = select.value;
  select.replaceChildren(new Option(all, ''));
  const keys = Object.keys(counts || {});
  for (const k of keys) {
    const n = counts[k];
    select.appendChild(new Option(`${label(k)} (${fmtNumber(Number(n) || 0)})`, k));
  }
  select.value = current;
}

function syncWidgets() {
  for (const [k, sel] of [['type', ui.type], ['actor', ui.actor], ['outlet', ui.outlet]]) {
    if (state[k] && ![...sel.options].some((o) => o.value === state[k])) {
      sel.appendChild(new Option(k === 'type' ? typeLabel(state[k]) : k === 'actor' ? actorLabel(state[k]) : state[k], state[k]));
    }
    sel.value = state[k];
  }
  if (document.activeElement !== ui.q) ui.q.value = state.q;
  const hasRange = state.from || state.to;
  ui.range.textContent = hasRange ? `${state.from ? fmtDate(state.from) : '…'} ← ${state.to ? fmtDate(state.to) : '…'}` : 'كل التواريخ';
  ui.clearRange.hidden = !hasRange;
  timeline.setRange(state.from, state.to);
}

async function loadFacets() {
  try {
    const f = await facetsReq;
    const types = {};
    for (const t of TYPE_ORDER) if (f.types && f.types[t]) types[t] = f.types[t];
    for (const [t, n] of Object.entries(f.types || {})) if (!(t in types)) types[t] = n;
    fillSelect(ui.type, 'كل الأنواع', types, typeLabel);
    fillSelect(ui.actor, 'كل الأطراف', f.actors, actorLabel);
    fillSelect(ui.outlet, 'كل المصادر', f.outlets, (o) => o);
    syncWidgets();
  } catch (err) {
    setStatus(`تعذّر تحميل المرشِّحات: ${err.message}`, true);
  }
}

function applyFilters() {
  writeState(state);
  syncWidgets();
  loadEvents();
}

ui.type.addEventListener('change', () => { state.type = ui.type.value; applyFilters(); });
ui.actor.addEventListener('change', () => { state.actor = ui.actor.value; applyFilters(); });
ui.outlet.addEventListener('change', () => { state.outlet = ui.outlet.value; applyFilters(); });
let qTimer = 0;
ui.q.addEventListener('input', () => {
  clearTimeout(qTimer);
  qTimer = setTimeout(() => {
    state.q = ui.q.value.trim();
    applyFilters();
  }, 350);
});
$('filters').addEventListener('submit', (e) => {
  e.preventDefault();
  clearTimeout(qTimer);
  state.q = ui.q.value.trim();
  applyFilters();
});
ui.clearRange.addEventListener('click', () => { state.from = ''; state.to = ''; applyFilters(); });
ui.reset.addEventListener('click', () => {
  for (const k of ['type', 'actor', 'outlet', 'q', 'from', 'to']) state[k] = '';
  ui.q.value = '';
  applyFilters();
});

// ---- events: map, timeline, list ----------------------------------------

// requestEvents starts the requests of one view (map, list, timeline).
function requestEvents() {
  const gen = ++generation;
  if (controller) controller.abort();
  controller = new AbortController();
  const signal = controller.signal;
  const params = filterParams(state);
  const req = {
    gen,
    geo: get('/api/events.geojson', params, signal),
    list: get('/api/events', { ...params, limit: PAGE, offset: 0 }, signal),
    hist: get('/api/histogram', filterParams(state, false), signal),
  };
  // Rejections are handled when the promises are awaited below; keep the
  // browser from reporting them as unhandled meanwhile.
  for (const p of [req.geo, req.list, req.hist]) p.catch(() => {});
  return req;
}

async function loadEvents(req = requestEvents()) {
  const { gen, geo, list, hist } = req;
  listOffset = 0;
  setStatus('جارٍ التحميل…');
  document.body.dataset.loading = '1';
  try {
    const fc = await geo;
    if (gen !== generation) return;
    const n = map.setEvents(fc);
    if (!window.__rasadMarkersAt) window.__rasadMarkersAt = performance.now();
    document.body.dataset.markers = String(n);
    if (state.event) map.select(state.event);
    const page = await list;
    if (gen !== generation) return;
    renderList(page, false);
    setStatus('');
  } catch (err) {
    if (err.name === 'AbortError' || gen !== generation) return;
    map.setEvents(null);
    renderList({ total: 0, events: [] }, false);
    setStatus(err.message, true);
  } finally {
    if (gen === generation) {
      document.body.dataset.loading = '';
      document.body.dataset.generation = String(gen);
    }
  }
  try {
    const h = await hist;
    if (gen !== generation) return;
    timeline.setData(h);
    timeline.setRange(state.from, state.to);
  } catch (err) {
    if (err.name !== 'AbortError' && gen === generation) setStatus(err.message, true);
  }
}

function actorText(a) {
  if (!a) return '';
  return a.text || actorLabel(a.id);
}

function eventItem(ev) {
  const li = el('li', 'event-item');
  const btn = el('button', 'event-row');
  btn.type = 'button';
  btn.dataset.id = String(ev.id);
  btn.dataset.type = String(ev.type || '');
  const chip = el('span', 'chip', typeLabel(ev.type));
  chip.style.setProperty('--c', typeColor(ev.type));
  const head = el('div', 'row-head', null, chip, el('span', 'row-date', ev.date ? fmtDate(ev.date) : 'بلا تاريخ'));
  const place = ev.place ? ev.place.name || ev.place.text || '' : '';
  const body = el('div', 'row-place', place || 'مكان غير محدد');
  const actors = el('div', 'row-actors');
  const a1 = actorText(ev.actor1);
  const a2 = actorText(ev.actor2);
  if (a1) actors.appendChild(el('span', 'actor', a1));
  if (a1 && a2) actors.appendChild(el('span', 'arrow', ' ← '));
  if (a2) actors.appendChild(el('span', 'actor', a2));
  const meta = el('div', 'row-meta');
  if (Number(ev.killed) > 0) meta.appendChild(el('span', 'killed', countPhrase(ev.killed, KILLED_FORMS, fmtNumber)));
  if (ev.outlet) meta.appendChild(el('span', 'outlet', ev.outlet));
  btn.append(head, body, actors, meta);
  btn.addEventListener('click', () => openEvent(ev.id));
  if (String(ev.id) === state.event) btn.classList.add('current');
  li.appendChild(btn);
  return li;
}

function renderList(page, append) {
  const events = Array.isArray(page && page.events) ? page.events : [];
  if (!append) ui.list.replaceChildren();
  for (const ev of events) ui.list.appendChild(eventItem(ev));
  const total = Number(page && page.total) || 0;
  listOffset += events.length;
  ui.count.textContent = total ? countPhrase(total, EVENT_FORMS, fmtNumber) : 'لا أحداث تطابق المرشِّحات';
  ui.more.hidden = listOffset >= total;
}

ui.more.addEventListener('click', async () => {
  const gen = generation;
  try {
    const page = await get('/api/events', { ...filterParams(state), limit: PAGE, offset: listOffset });
    if (gen === generation) renderList(page, true);
  } catch (err) {
    setStatus(err.message, true);
  }
});

// ---- event panel ----------------------------------------------------------

let panelGen = 0;

async function openEvent(id) {
  const gen = ++panelGen;
  state.event = String(id);
  writeState(state);
  for (const b of ui.list.querySelectorAll('.event-row.current')) b.classList.remove('current');
  const row = ui.list.querySelector(`.event-row[data-id="${CSS.escape(String(id))}"]`);
  if (row) row.classList.add('current');
  ui.listView.hidden = true;
  ui.panel.hidden = false;
  ui.panelBody.replaceChildren(el('p', 'loading', 'جارٍ التحميل…'));
  try {
    const detail = await get(`/api/events/${encodeURIComponent(id)}`);
    if (gen !== panelGen) return;
    const docId = (detail.document && detail.document.id) || (detail.event && detail.event.doc);
    let doc = null;
    if (docId) {
      try {
        doc = await get(`/api/documents/${encodeURIComponent(docId)}`);
      } catch (err) {
        doc = null;
      }
    }
    if (gen !== panelGen) return;
    renderPanel(detail, doc);
    const ev = detail.event || {};
    const p = ev.place || {};
    map.select(id, Number.isFinite(p.lat) && Number.isFinite(p.lon) && (p.lat || p.lon) ? [p.lat, p.lon] : null);
  } catch (err) {
    if (gen !== panelGen) return;
    ui.panelBody.replaceChildren(el('p', 'error', err.message));
  }
}

function closePanel() {
  panelGen++;
  state.event = '';
  writeState(state);
  ui.panel.hidden = true;
  ui.listView.hidden = false;
  map.clearSelection();
}
ui.panelClose.addEventListener('click', closePanel);

function field(label, ...values) {
  const dd = el('dd');
  for (const v of values) {
    if (v === null || v === undefined || v === '') continue;
    dd.appendChild(typeof v === 'string' ? document.createTextNode(v) : v);
  }
  if (!dd.childNodes.length) return null;
  const wrap = el('div', 'field', null, el('dt', '', label), dd);
  return wrap;
}

function actorNode(a) {
  if (!a || (!a.id && !a.text)) return null;
  const span = el('span', 'actor-f');
  span.appendChild(el('strong', '', actorLabel(a.id) || 'غير محدد'));
  if (a.text) span.appendChild(el('span', 'framing', `«${a.text}»`));
  if (a.framing) span.appendChild(el('span', 'framing-tag', framingLabel(a.framing)));
  return span;
}

function fatalitiesNode(list) {
  if (!Array.isArray(list) || list.length === 0) return null;
  const ul = el('ul', 'fatalities');
  for (const f of list) {
    if (!f) continue;
    let n = fmtNumber(Number(f.killed));
    if (f.qualifier === 'range' && f.killed_max) n = `${n}–${fmtNumber(Number(f.killed_max))}`;
    const q = qualifierLabel(f.qualifier);
    const txt = f.qualifier === 'at_least' ? `${n} ${q}` : q && f.qualifier !== 'range' ? `${q} ${n}` : n;
    ul.appendChild(el('li', '', `${txt} — ${actorLabel(f.group) || 'غير محدد'}`));
  }
  return ul;
}

function evidenceSpans(detail, text) {
  const idx = new Utf8Index(text);
  const out = [];
  const list = Array.isArray(detail.evidence) && detail.evidence.length
    ? detail.evidence
    : detail.event && detail.event.evidence ? [detail.event.evidence] : [];
  for (const e of list) {
    if (!e) continue;
    const sp = idx.span(e.start, e.end);
    if (sp) out.push({ ...sp, classes: ['evidence'], title: 'الدليل' });
  }
  return out;
}

function renderPanel(detail, doc) {
  const ev = detail.event || {};
  const d = detail.document || {};
  const body = el('div', 'panel-content');
  const chip = el('span', 'chip', typeLabel(ev.type));
  chip.style.setProperty('--c', typeColor(ev.type));
  body.appendChild(el('h2', 'panel-title', null, chip, el('span', 'subtype', subtypeLabel(ev.subtype))));

  const dl = el('dl', 'fields');
  const p = ev.place || {};
  const placeBits = [p.name || p.text || 'غير محدد'];
  if (p.text && p.text !== p.name) placeBits.push(` («${p.text}»)`);
  if (p.admin1 && p.admin1 !== p.name) placeBits.push(` — ${p.admin1}`);
  const prec = p.geo_precision ? el('span', 'muted', ` · الدقة: ${geoPrecisionLabel(p.geo_precision)}`) : null;
  for (const f of [
    field('التاريخ', ev.date ? fmtDate(ev.date) : 'غير محدد', ev.date && ev.time_precision ? el('span', 'muted', ` · الدقة: ${timePrecisionLabel(ev.time_precision)}`) : null),
    field('المكان', placeBits.join(''), prec),
    field('الفاعل', actorNode(ev.actor1)),
    field('المستهدف', actorNode(ev.actor2)),
    field('القتلى', fatalitiesNode(ev.fatalities)),
  ]) if (f) dl.appendChild(f);
  const cited = Array.isArray(detail.cited) && detail.cited.length ? detail.cited : Array.isArray(ev.cited) ? ev.cited : [];
  if (cited.length) {
    const ul = el('ul', 'cited');
    for (const c of cited) ul.appendChild(el('li', '', typeof c === 'string' ? c : JSON.stringify(c)));
    dl.appendChild(field('المصادر المذكورة', ul));
  }
  const outlet = d.outlet || (doc && doc.outlet) || '';
  const title = d.title || (doc && doc.title) || '';
  dl.appendChild(field('الوسيلة', outlet || 'غير معروفة', d.published ? el('span', 'muted', ` · ${fmtDate(d.published)}`) : null));
  if (title) dl.appendChild(field('العنوان', title));
  const href = safeHref(d.url || (doc && doc.url));
  if (href) {
    const a = el('a', 'ext', 'الرابط الأصلي');
    a.href = href;
    a.rel = 'noopener noreferrer';
    a.target = '_blank';
    a.title = href;
    dl.appendChild(field('المقال', a));
  }
  body.appendChild(dl);

  body.appendChild(el('h3', '', 'الدليل في نص التقرير'));
  const textBox = el('div', 'report-text evidence-view');
  textBox.dir = 'auto';
  const clean = doc && typeof doc.clean_text === 'string' ? doc.clean_text : '';
  if (clean) {
    const marks = highlight(textBox, clean, evidenceSpans(detail, clean));
    body.appendChild(textBox);
    // Scroll the text box (only it) so that the first evidence is in view.
    if (marks.length) requestAnimationFrame(() => { textBox.scrollTop = Math.max(0, marks[0].offsetTop - textBox.clientHeight / 4); });
  } else {
    // Without the document, show the evidence sentences alone.
    for (const e of detail.evidence || []) textBox.appendChild(el('p', '', null, el('mark', 'evidence', e && e.text)));
    body.appendChild(textBox);
  }
  const docId = d.id || ev.doc;
  if (docId) {
    const btn = el('button', 'open-reader', 'فتح التقرير كاملاً');
    btn.type = 'button';
    btn.addEventListener('click', () => openReader(docId));
    body.appendChild(btn);
  }
  ui.panelBody.replaceChildren(body);
}

// ---- document reader ------------------------------------------------------

let readerGen = 0;

async function openReader(docId) {
  const gen = ++readerGen;
  state.doc = String(docId);
  writeState(state);
  ui.readerTitle.textContent = 'جارٍ التحميل…';
  ui.readerBody.replaceChildren();
  if (!ui.reader.open) ui.reader.showModal();
  try {
    const doc = await get(`/api/documents/${encodeURIComponent(docId)}`);
    if (gen !== readerGen) return;
    const events = Array.isArray(doc.events) ? doc.events : [];
    const details = await Promise.all(events.map((e) => get(`/api/events/${encodeURIComponent(e.id)}`).catch(() => null)));
    if (gen !== readerGen) return;
    renderReader(doc, events, details);
  } catch (err) {
    if (gen !== readerGen) return;
    ui.readerTitle.textContent = 'تعذّر فتح التقرير';
    ui.readerBody.replaceChildren(el('p', 'error', err.message));
  }
}

function renderReader(doc, events, details) {
  ui.readerTitle.textContent = doc.title || doc.id || '';
  const meta = el('div', 'reader-meta');
  for (const [label, v] of [['الوسيلة', doc.outlet], ['التاريخ', doc.published ? fmtDate(doc.published) : ''], ['الكاتب', doc.author], ['مكان الخبر', doc.dateline], ['المعرّف', doc.id]]) {
    if (v) meta.appendChild(el('span', 'meta-item', `${label}: ${v}`));
  }
  const href = safeHref(doc.url);
  if (href) {
    const a = el('a', 'ext', 'الرابط الأصلي');
    a.href = href;
    a.rel = 'noopener noreferrer';
    a.target = '_blank';
    meta.appendChild(a);
  }
  const text = typeof doc.clean_text === 'string' ? doc.clean_text : '';
  const idx = new Utf8Index(text);
  const spans = [];
  for (const m of Array.isArray(doc.mentions) ? doc.mentions : []) {
    if (!m) continue;
    const sp = idx.span(m.start, m.end);
    if (!sp) continue;
    const kind = /^[a-z_]+$/.test(String(m.kind)) ? String(m.kind) : 'other';
    const title = [mentionKindLabel(m.kind), m.entry || m.key, m.framing ? framingLabel(m.framing) : ''].filter(Boolean).map(String).join(' · ');
    spans.push({ ...sp, classes: ['mention', `m-${kind}`], title });
  }
  events.forEach((e, i) => {
    const det = details[i];
    if (!det) return;
    const list = Array.isArray(det.evidence) && det.evidence.length ? det.evidence : det.event && det.event.evidence ? [det.event.evidence] : [];
    for (const ev of list) {
      const sp = ev && idx.span(ev.start, ev.end);
      if (sp) spans.push({ ...sp, classes: ['evidence'], title: `دليل: ${typeLabel(e.type)}`, data: { event: e.id } });
    }
  });
  const textBox = el('div', 'report-text');
  textBox.dir = 'auto';
  highlight(textBox, text, spans);
  textBox.addEventListener('click', (e) => {
    const mark = e.target.closest && e.target.closest('mark[data-event]');
    if (mark) {
      closeReader();
      openEvent(mark.dataset.event);
    }
  });

  const evList = el('ul', 'reader-events');
  for (const e of events) {
    const li = el('li');
    const b = el('button', 'linkish', `${typeLabel(e.type)} — ${(e.place && (e.place.name || e.place.text)) || 'مكان غير محدد'}${e.date ? ` — ${fmtDate(e.date)}` : ''}`);
    b.type = 'button';
    b.addEventListener('click', () => { closeReader(); openEvent(e.id); });
    li.appendChild(b);
    evList.appendChild(li);
  }
  const legend = el('p', 'reader-legend', null,
    el('mark', 'evidence', 'دليل حدث'), document.createTextNode(' '),
    el('mark', 'mention m-place', 'مكان'), document.createTextNode(' '),
    el('mark', 'mention m-actor', 'طرف'), document.createTextNode(' '),
    el('mark', 'mention m-date', 'تاريخ'));
  ui.readerBody.replaceChildren(meta, events.length ? el('h3', '', `الأحداث المستخرجة: ${countPhrase(events.length, EVENT_FORMS, fmtNumber)}`) : el('p', 'muted', 'لم يُستخرج أي حدث من هذا التقرير.'), evList, legend, textBox);
}

function closeReader() {
  readerGen++;
  state.doc = '';
  writeState(state);
  if (ui.reader.open) ui.reader.close();
}
ui.readerClose.addEventListener('click', closeReader);
ui.reader.addEventListener('close', () => {
  if (state.doc) { state.doc = ''; writeState(state); }
});

ui.aboutOpen.addEventListener('click', () => ui.about.showModal());
ui.aboutClose.addEventListener('click', () => ui.about.close());

// ---- start ------------------------------------------------------------------

// Exposed for the browser tests and the console.
window.rasad = { Utf8Index, byteSpanToIndices, highlight, state, openEvent, openReader, timeline, map, countPhrase, EVENT_FORMS, KILLED_FORMS };

syncWidgets();
loadFacets();
loadEvents(firstLoad);
if (state.event) openEvent(state.event);
if (state.doc) openReader(state.doc);
