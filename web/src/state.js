// The view state lives in the URL's query string so that a view can be
// shared: filters, the selected event and the open document.

export const FILTER_KEYS = ['type', 'actor', 'outlet', 'q', 'from', 'to'];
const VIEW_KEYS = ['event', 'doc'];
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function readState(search = location.search) {
  const p = new URLSearchParams(search);
  const st = {};
  for (const k of [...FILTER_KEYS, ...VIEW_KEYS]) st[k] = p.get(k) || '';
  for (const k of ['from', 'to']) if (st[k] && !DATE_RE.test(st[k])) st[k] = '';
  if (st.event && !/^\d+$/.test(st.event)) st.event = '';
  return st;
}

export function writeState(st) {
  const p = new URLSearchParams();
  for (const k of [...FILTER_KEYS, ...VIEW_KEYS]) if (st[k]) p.set(k, st[k]);
  const qs = p.toString();
  const url = location.pathname + (qs ? `?${qs}` : '') + location.hash;
  if (url !== location.pathname + location.search + location.hash) {
    history.replaceState(null, '', url);
  }
}

// filterParams returns the API query parameters of the filters; without
// dates when withDates is false (the timeline shows the whole span).
export function filterParams(st, withDates = true) {
  const out = {};
  for (const k of FILTER_KEYS) {
    if (!withDates && (k === 'from' || k === 'to')) continue;
    if (st[k]) out[k] = st[k];
  }
  return out;
}
