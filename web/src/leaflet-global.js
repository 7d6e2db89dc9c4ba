// Leaflet.markercluster extends the global L; make the bundled Leaflet that
// global before the plugin is evaluated (imports run in order).
import L from 'leaflet';

globalThis.L = L;
export default L;
