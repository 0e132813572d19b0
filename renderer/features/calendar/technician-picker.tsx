import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { boardQuery } from '../../api/queries';

interface Props {
  value: string | undefined;
  onChange: (resourceId: string | undefined) => void;
  date: string;
  timeZone: string;
}

/** Team or one technician; the list comes from the same query as the board's rows. */
export function TechnicianPicker({ value, onChange, date, timeZone }: Props) {
  const api = useApi();
  const board = useQuery(boardQuery(api, date, timeZone));
  return (
    <label className="technician-picker">
      Show{' '}
      <select value={value ?? ''} onChange={(event) => onChange(event.target.value || undefined)} disabled={!board.data}>
        <option value="">Whole team</option>
        {board.data?.technicians.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name} ({t.territoryName})
          </option>
        ))}
      </select>
    </label>
  );
}
