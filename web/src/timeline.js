// The timeline: events per day from /api/histogram drawn as bars with uPlot.
// Dragging across it (uPlot's select) sets the from/to filter.
import uPlot from 'uplot';
import { el, fmtNumber } from './text.js';
import { countPhrase, EVENT_FORMS } from './labels.js';

const DAY = 86400;
const monthFmt = new Intl.DateTimeFormat('ar-SY-u-nu-latn', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const yearFmt = new Intl.DateTimeFormat('ar-SY-u-nu-latn', { year: 'numeric', timeZone: 'UTC' });
const UNIT_LABEL = { day: 'حسب اليوم', week: 'حسب الأسبوع', month: 'حسب الشهر' };
const dayFmt = new Intl.DateTimeFormat('ar-SY-u-nu-latn', { day: 'numeric', month: 'short', timeZone: 'UTC' });

export const isoToTs = (iso) => Date.parse(iso + 'T00:00:00Z') / 1000;
export const tsToIso = (ts) => new Date(Math.round(ts / DAY) * DAY * 1000).toISOString().slice(0, 10);

// bucketize groups sorted [ts, count] points into consecutive buckets of a
// day, a week or a calendar month, chosen by the span: starts, ends and
// counts are parallel arrays; dates(a, b) turns a selected time span into the
// inclusive ISO dates of the buckets it touches.
export function bucketize(points) {
  const first = points[0][0];
  const last = points[points.length - 1][0];
  const span = (last - first) / DAY;
  const unit = span <= 120 ? 'day' : span <= 730 ? 'week' : 'month';
  const next = (t) => {
    if (unit === 'day') return t + DAY;
    if (unit === 'week') return t + 7 * DAY;
    const d = new Date(t * 1000);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 1000;
  };
  let t = first;
  if (unit === 'month') {
    const d = new Date(first * 1000);
    t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 1000;
  }
  const starts = [];
  const ends = [];
  const counts = [];
  let i = 0;
  // Bounded: at most one bucket per day of the span, plus one.
  while (i < points.length && starts.length <= span + 1) {
    const e = next(t);
    let n = 0;
    while (i < points.length && points[i][0] < e) n += points[i++][1];
    starts.push(t);
    ends.push(e);
    counts.push(n);
    t = e;
  }
  const find = (ts) => {
    let k = 0;
    while (k + 1 < starts.length && starts[k + 1] <= ts) k++;
    return k;
  };
  return {
    unit, starts, ends, counts,
    dates(a, b) {
      const from = starts[find(a)];
      const to = ends[find(b)] - DAY;
      return [tsToIso(from), tsToIso(Math.max(from, to))];
    },
  };
}

export class Timeline {
  constructor(container, note, onRange) {
    this.container = container;
    this.note = note;
    this.onRange = onRange;
    this.plot = null;
    this.range = { from: '', to: '' };
    this.ro = new ResizeObserver(() => this.resize());
    this.ro.observe(container);
  }

  size() {
    const r = this.container.getBoundingClientRect();
    return { width: Math.max(200, Math.floor(r.width)), height: Math.max(80, Math.floor(r.height) - 4) };
  }

  resize() {
    if (this.plot) {
      this.plot.setSize(this.size());
      this.showRange();
    }
  }

  // setData draws {days: [...], counts: [...], undated: n}. Days are
  // grouped into days, weeks or months by the span they cover, and empty
  // buckets are drawn as zero so bar widths follow time.
  setData(h) {
    const days = Array.isArray(h && h.days) ? h.days : [];
    const counts = Array.isArray(h && h.counts) ? h.counts : [];
    const points = [];
    for (let i = 0; i < days.length && i < counts.length; i++) {
      const t = isoToTs(String(days[i]));
      if (Number.isFinite(t)) points.push([t, Number(counts[i]) || 0]);
    }
    points.sort((a, b) => a[0] - b[0]);
    const undated = Number(h && h.undated) || 0;
    if (this.plot) {
      this.plot.destroy();
      this.plot = null;
    }
    this.container.replaceChildren();
    if (points.length === 0) {
      this.buckets = null;
      this.note.textContent = undated ? `${countPhrase(undated, EVENT_FORMS, fmtNumber)} بلا تاريخ` : '';
      this.container.appendChild(el('p', 'empty', 'لا أحداث مؤرَّخة تطابق المرشِّحات'));
      return;
    }
    const b = bucketize(points);
    this.buckets = b;
    this.note.textContent = [`(${UNIT_LABEL[b.unit]})`, undated ? `${countPhrase(undated, EVENT_FORMS, fmtNumber)} بلا تاريخ` : ''].filter(Boolean).join(' · ');
    const lo = b.starts[0];
    const hi = b.ends[b.ends.length - 1];
    const opts = {
      ...this.size(),
      legend: { show: false },
      cursor: { drag: { x: true, y: false, setScale: false }, points: { show: false } },
      select: { show: true },
      scales: { x: { time: true, range: () => [lo, hi] }, y: { range: (u, a, z) => [0, Math.max(1, z)] } },
      axes: [
        {
          stroke: '#444',
          grid: { stroke: '#eee' },
          space: 90,
          values: (u, splits, ax, space, incr) =>
            splits.map((ts) => (incr >= 360 * DAY ? yearFmt : incr >= 28 * DAY ? monthFmt : dayFmt).format(new Date(ts * 1000))),
        },
        { stroke: '#444', grid: { stroke: '#eee' }, size: 36, values: (u, s) => s.map((v) => (Number.isInteger(v) ? String(v) : '')) },
      ],
      series: [
        {},
        {
          label: 'أحداث',
          stroke: '#7b3f00',
          fill: 'rgba(192, 57, 43, 0.6)',
          paths: uPlot.paths.bars({ size: [0.85, Infinity, 1], align: 1 }),
          points: { show: false },
        },
      ],
      hooks: {
        setSelect: [
          (u) => {
            if (this.settingSelect || !this.buckets) return;
            const { left, width } = u.select;
            if (width < 2) return;
            const [from, to] = this.buckets.dates(u.posToVal(left, 'x'), u.posToVal(left + width, 'x'));
            this.onRange(from, to);
          },
        ],
      },
    };
    this.plot = new uPlot(opts, [b.starts, b.counts], this.container);
    this.showRange();
  }

  // setRange shows the active from/to as the plot's selection.
  setRange(from, to) {
    this.range = { from: from || '', to: to || '' };
    this.showRange();
  }

  showRange() {
    const u = this.plot;
    if (!u) return;
    this.settingSelect = true;
    try {
      if (!this.range.from && !this.range.to) {
        u.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false);
        return;
      }
      const [lo, hi] = [u.scales.x.min, u.scales.x.max];
      const a = this.range.from ? Math.max(lo, isoToTs(this.range.from)) : lo;
      const b = this.range.to ? Math.min(hi, isoToTs(this.range.to) + DAY) : hi;
      if (!(b > a)) {
        u.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false);
        return;
      }
      const left = u.valToPos(a, 'x');
      const right = u.valToPos(b, 'x');
      u.setSelect({ left, width: Math.max(2, right - left), top: 0, height: u.bbox.height / devicePixelRatio }, false);
    } finally {
      this.settingSelect = false;
    }
  }
}
