import 'leaflet/dist/leaflet.css';
import { latLngBounds } from 'leaflet';
import { useEffect, useMemo } from 'react';
import { CircleMarker, MapContainer, TileLayer, Tooltip, useMap, ZoomControl } from 'react-leaflet';
import type { MapTechnician, MapVisit } from '../../../shared/contract/map-day';
import { useNavigation } from '../../app/navigation';
import { statusColors } from '../../components/status-colors';
import { useT } from '../../components/use-t';
import { technicianWhereabouts } from './technician-whereabouts';

interface Props {
  visits: readonly MapVisit[];
  technicians: readonly MapTechnician[];
  /** null: no tiles, markers on a plain background. */
  tileUrl: string | null;
}

/** Leaflet with vector markers only (no marker images to load): visits by status colour, technicians as rings. */
export function DayMap({ visits, technicians, tileUrl }: Props) {
  const t = useT();
  const { selectedBookingId, selectBooking } = useNavigation();
  const points = useMemo(() => [...visits.map((v) => [v.lat, v.lng] as [number, number]), ...technicians.map((x) => [x.lat, x.lng] as [number, number])], [visits, technicians]);
  return (
    <MapContainer className="day-map" center={[41.88, -87.7]} zoom={10} zoomControl={false} attributionControl={tileUrl !== null} keyboard>
      {tileUrl && <TileLayer url={tileUrl} attribution={t('map.tileAttribution')} />}
      <ZoomControl position="topleft" zoomInTitle={t('map.zoomIn')} zoomOutTitle={t('map.zoomOut')} />
      <FitTo points={points} />
      {technicians.map((tech) => (
        <CircleMarker key={tech.id} center={[tech.lat, tech.lng]} radius={6} pathOptions={{ color: '#64748b', weight: 2, fillOpacity: 0 }}>
          <Tooltip>{`${tech.name} — ${technicianWhereabouts(tech, t)}`}</Tooltip>
        </CircleMarker>
      ))}
      {visits.map((visit) => {
        const selected = visit.bookingId === selectedBookingId;
        const colour = statusColors[visit.status];
        return (
          <CircleMarker
            key={visit.bookingId}
            center={[visit.lat, visit.lng]}
            radius={selected ? 11 : 7}
            className={`map-marker map-marker-${visit.bookingId}`}
            pathOptions={{ color: selected ? '#101828' : colour, weight: selected ? 4 : 2, fillColor: colour, fillOpacity: 0.8 }}
            eventHandlers={{ click: () => selectBooking(visit.bookingId) }}
          >
            <Tooltip>{`${visit.workOrderNumber} · ${visit.title} — ${visit.resourceName}`}</Tooltip>
          </CircleMarker>
        );
      })}
    </MapContainer>
  );
}

/** Shows every visit and technician of the day when the day changes. */
function FitTo({ points }: { points: readonly [number, number][] }) {
  const map = useMap();
  useEffect(() => {
    if (points.length > 0) map.fitBounds(latLngBounds(points.map(([lat, lng]) => [lat, lng])), { padding: [24, 24] });
  }, [map, points]);
  return null;
}
