// The map: an offline base layer (country shapes of Natural Earth via
// world-atlas, trimmed at build time, no tile server) and clustered event
// markers coloured by type.
import L from './leaflet-global.js';
import 'leaflet.markercluster';
import { feature } from 'topojson-client';
import region from 'virtual:region';
import { TYPE_ORDER, typeColor, typeLabel } from './labels.js';
import { el } from './text.js';

const SYRIA_BOUNDS = [[32.3, 35.6], [37.35, 42.4]];

// Country labels: [name, lat, lon, minimum zoom].
const COUNTRY_LABELS = [
  ['سوريا', 35.1, 38.6, 0],
  ['العراق', 33.2, 43.6, 0],
  ['تركيا', 38.9, 35.2, 0],
  ['الأردن', 31.1, 36.7, 0],
  ['لبنان', 34.0, 35.85, 7],
  ['فلسطين', 31.9, 35.3, 8],
  ['إسرائيل', 30.9, 34.85, 7],
  ['قبرص', 35.05, 33.2, 6],
  ['السعودية', 28.8, 41.5, 0],
  ['مصر', 28.0, 30.8, 0],
  ['إيران', 33.5, 50.5, 0],
  ['الكويت', 29.35, 47.6, 7],
];

export class EventMap {
  constructor(container, onSelect) {
    this.onSelect = onSelect;
    this.map = L.map(container, {
      zoomControl: true,
      attributionControl: true,
      minZoom: 4,
      maxZoom: 14,
      maxBounds: [[20, 20], [46, 60]],
      zoomSnap: 0.25,
    });
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution('حدود الدول: Natural Earth');
    this.map.fitBounds(SYRIA_BOUNDS);

    const countries = feature(region, region.objects.countries);
    L.geoJSON(countries, {
      interactive: false,
      style: (f) => ({
        className: f.properties && f.properties.focus ? 'country focus' : 'country',
        weight: f.properties && f.properties.focus ? 1.6 : 0.8,
      }),
    }).addTo(this.map);

    const labels = L.layerGroup().addTo(this.map);
    for (const [name, lat, lon, minZoom] of COUNTRY_LABELS) {
      const m = L.marker([lat, lon], {
        interactive: false,
        keyboard: false,
        icon: L.divIcon({ className: 'country-label', html: el('span', '', name), iconSize: null }),
      });
      m.minZoom = minZoom;
      labels.addLayer(m);
    }
    const syncLabels = () => {
      const z = this.map.getZoom();
      labels.eachLayer((m) => {
        const node = m.getElement();
        if (node) node.style.display = z >= m.minZoom ? '' : 'none';
      });
    };
    this.map.on('zoomend', syncLabels);
    syncLabels();

    this.cluster = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 40,
      spiderfyOnMaxZoom: true,
      chunkedLoading: true,
      iconCreateFunction: (c) => clusterIcon(c),
    });
    this.map.addLayer(this.cluster);
    this.map.createPane('selected').style.zIndex = 650; // above the markers
    this.selected = L.layerGroup().addTo(this.map);
    this.markers = new Map();
    this.addLegend();
  }

  addLegend() {
    const Legend = L.Control.extend({
      options: { position: 'bottomleft' },
      onAdd: () => {
        const box = el('div', 'legend');
        box.appendChild(el('div', 'legend-title', 'أنواع الأحداث'));
        for (const t of TYPE_ORDER) {
          const row = el('div', 'legend-row');
          const sw = el('span', 'swatch');
          sw.style.background = typeColor(t);
          row.append(sw, el('span', '', typeLabel(t)));
          box.appendChild(row);
        }
        L.DomEvent.disableClickPropagation(box);
        return box;
      },
    });
    new Legend().addTo(this.map);
  }

  // setEvents replaces the markers with the features of a GeoJSON
  // FeatureCollection whose properties are EventSummary objects.
  setEvents(fc) {
    this.cluster.clearLayers();
    this.markers.clear();
    const layers = [];
    for (const f of (fc && fc.features) || []) {
      const g = f && f.geometry;
      const p = (f && f.properties) || {};
      if (!g || g.type !== 'Point' || !Array.isArray(g.coordinates)) continue;
      const [lon, lat] = g.coordinates;
      if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
      const place = p.place ? p.place.name || p.place.text || '' : '';
      const m = L.marker([lat, lon], {
        icon: L.divIcon({
          className: 'ev-marker',
          html: dot(typeColor(p.type)),
          iconSize: [16, 16],
        }),
        title: [typeLabel(p.type), place, p.date || ''].filter(Boolean).join(' — '),
        keyboard: true,
      });
      m.eventType = p.type;
      m.eventId = p.id;
      m.on('click', () => this.onSelect(p.id));
      layers.push(m);
      this.markers.set(String(p.id), m);
    }
    this.cluster.addLayers(layers);
    return layers.length;
  }

  // select draws a ring at the event and brings it into view.
  select(id, latlng) {
    this.selected.clearLayers();
    const m = this.markers.get(String(id));
    const at = m ? m.getLatLng() : latlng;
    if (!at) return;
    this.selected.clearLayers();
    // The ring is drawn in a pane above the clusters, so that an event
    // inside a cluster is still shown without changing the zoom.
    L.circleMarker(at, { radius: 20, className: 'selected-ring', interactive: false, pane: 'selected' }).addTo(this.selected);
    if (!this.map.getBounds().pad(-0.1).contains(at)) this.map.panTo(at);
  }

  clearSelection() {
    this.selected.clearLayers();
  }

  invalidate() {
    this.map.invalidateSize();
  }
}

function dot(color) {
  const d = el('span', 'dot');
  d.style.background = color;
  return d;
}

// clusterIcon draws a cluster as a pie of its event types with the count.
function clusterIcon(cluster) {
  const counts = new Map();
  const children = cluster.getAllChildMarkers();
  for (const m of children) counts.set(m.eventType, (counts.get(m.eventType) || 0) + 1);
  const stops = [];
  let acc = 0;
  for (const t of [...TYPE_ORDER, ...[...counts.keys()].filter((k) => !TYPE_ORDER.includes(k))]) {
    const n = counts.get(t);
    if (!n) continue;
    const a = (acc / children.length) * 360;
    acc += n;
    const b = (acc / children.length) * 360;
    stops.push(`${typeColor(t)} ${a}deg ${b}deg`);
  }
  const n = children.length;
  const size = n < 10 ? 30 : n < 100 ? 38 : 46;
  const pie = el('div', 'cluster-pie');
  pie.style.background = `conic-gradient(${stops.join(', ')})`;
  pie.appendChild(el('span', 'cluster-count', String(n)));
  return L.divIcon({ className: 'ev-cluster', html: pie, iconSize: [size, size] });
}
