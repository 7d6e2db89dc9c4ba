// Builds the web app into ../internal/web/dist, which the Go package embeds.
// Usage: npm ci && npm run build   (add --watch-free dev loops by rerunning)
import { build } from 'esbuild';
import { readFileSync, writeFileSync, rmSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'internal', 'web', 'dist');

// The base layer: countries of Natural Earth 1:50m (world-atlas) around
// Syria, as a trimmed TopoJSON (only the kept countries and their arcs).
const KEEP = new Map([
  ['760', 'سوريا'], ['422', 'لبنان'], ['400', 'الأردن'], ['376', 'إسرائيل'],
  ['275', 'فلسطين'], ['368', 'العراق'], ['792', 'تركيا'], ['196', 'قبرص'],
  ['682', 'السعودية'], ['818', 'مصر'], ['364', 'إيران'], ['414', 'الكويت'],
  ['51', 'أرمينيا'], ['31', 'أذربيجان'], ['268', 'جورجيا'], ['300', 'اليونان'],
  ['100', 'بلغاريا'], ['634', 'قطر'], ['48', 'البحرين'], ['434', 'ليبيا'], ['729', 'السودان'],
]);
const KEEP_NAMES = new Map([['N. Cyprus', 'قبرص']]);
const FOCUS = '760';

function trimTopology(path) {
  const topo = JSON.parse(readFileSync(path, 'utf8'));
  const arcMap = new Map();
  const arcs = [];
  const remap = (i) => {
    const j = i < 0 ? ~i : i;
    if (!arcMap.has(j)) {
      arcMap.set(j, arcs.length);
      arcs.push(topo.arcs[j]);
    }
    const n = arcMap.get(j);
    return i < 0 ? ~n : n;
  };
  const walk = (a) => (typeof a === 'number' ? remap(a) : a.map(walk));
  const geometries = [];
  for (const g of topo.objects.countries.geometries) {
    const id = g.id === undefined ? undefined : String(Number(g.id));
    const name = (id && KEEP.get(id)) || KEEP_NAMES.get(g.properties && g.properties.name);
    if (!name) continue;
    const geom = { type: g.type, arcs: walk(g.arcs), properties: { name } };
    if (id === FOCUS) geom.properties.focus = true;
    geometries.push(geom);
  }
  if (!geometries.some((g) => g.properties.focus)) throw new Error(`${path}: Syria (760) not found`);
  return {
    type: 'Topology',
    transform: topo.transform,
    objects: { countries: { type: 'GeometryCollection', geometries } },
    arcs,
  };
}

const region = trimTopology(join(here, 'node_modules', 'world-atlas', 'countries-50m.json'));

const regionPlugin = {
  name: 'region',
  setup(b) {
    b.onResolve({ filter: /^virtual:region$/ }, () => ({ path: 'region', namespace: 'region' }));
    b.onLoad({ filter: /.*/, namespace: 'region' }, () => ({ contents: JSON.stringify(region), loader: 'json' }));
  },
};

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const result = await build({
  entryPoints: [join(here, 'src', 'app.js')],
  bundle: true,
  format: 'esm',
  target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
  minify: true,
  legalComments: 'external',
  outdir: out,
  entryNames: '[name]-[hash]',
  assetNames: 'assets/[name]-[hash]',
  loader: { '.woff2': 'file', '.png': 'file' },
  plugins: [regionPlugin],
  metafile: true,
  logLevel: 'warning',
});

let js = '';
let css = '';
let font = '';
for (const file of Object.keys(result.metafile.outputs)) {
  const rel = relative(out, join(process.cwd(), file)).split('\\').join('/');
  if (/^app-[^/]+\.js$/.test(rel)) js = rel;
  else if (/^app-[^/]+\.css$/.test(rel)) css = rel;
  else if (/noto-naskh-arabic-arabic-400-normal-[^/]+\.woff2$/.test(rel)) font = rel;
}
if (!js || !css || !font) throw new Error(`build outputs not found (js=${js} css=${css} font=${font})`);

const html = readFileSync(join(here, 'src', 'index.html'), 'utf8')
  .replace('{{js}}', `/${js}`)
  .replace('{{css}}', `/${css}`)
  .replace('{{font}}', `/${font}`);
writeFileSync(join(out, 'index.html'), html);

let total = 0;
const list = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) list(p);
    else {
      total += st.size;
      console.log(`${String(st.size).padStart(9)}  ${relative(out, p)}`);
    }
  }
};
list(out);
console.log(`${String(total).padStart(9)}  total in ${relative(process.cwd(), out) || basename(out)}`);
