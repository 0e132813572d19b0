import 'leaflet/dist/leaflet.css';
import { latLngBounds } from 'leaflet';
import { CircleMarker, MapContainer, TileLayer } from 'react-leaflet';

interface Props {
  /** The hub's tile URL template ({z}/{x}/{y}); any tile server works. */
  tileUrl: string;
  site: { lat: number; lng: number };
  position: { lat: number; lng: number } | null;
  label: string;
}

/**
 * The visit's site and the technician's last position on a Leaflet map. Vector circles, not
 * image markers: no icon files to serve, and the map still says something while tiles fail to
 * load (an offline machine). The text beside it carries the same facts for screen readers.
 */
export default function TrackingMap({ tileUrl, site, position, label }: Props) {
  const points: [number, number][] = [[site.lat, site.lng], ...(position ? [[position.lat, position.lng] as [number, number]] : [])];
  const bounds = latLngBounds(points).pad(0.3);
  return (
    <div className="tracking-map" role="img" aria-label={label}>
      <MapContainer bounds={bounds} maxZoom={16} scrollWheelZoom={false} style={{ blockSize: '100%', inlineSize: '100%' }} keyboard={false} zoomControl={false} attributionControl={false}>
        <TileLayer url={tileUrl} />
        <CircleMarker center={[site.lat, site.lng]} radius={9} pathOptions={{ color: '#14305c', fillColor: '#ffffff', fillOpacity: 1, weight: 3 }} />
        {position && <CircleMarker center={[position.lat, position.lng]} radius={9} pathOptions={{ color: '#ffffff', fillColor: '#1f5fb4', fillOpacity: 1, weight: 3 }} />}
      </MapContainer>
    </div>
  );
}
