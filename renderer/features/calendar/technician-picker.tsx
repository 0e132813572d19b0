import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useApi } from '../../api/api-context';
import { boardQuery } from '../../api/queries';
import { useT } from '../../components/use-t';

interface Props {
  value: string | undefined;
  onChange: (resourceId: string | undefined) => void;
  date: string;
  timeZone: string;
}

const TEAM = 'team';

/** Team or one technician, found by typing a name or territory; the list comes from the same query as the board's rows. */
export function TechnicianPicker({ value, onChange, date, timeZone }: Props) {
  const api = useApi();
  const t = useT();
  const board = useQuery(boardQuery(api, date, timeZone));
  const data = useMemo(
    () => [
      { value: TEAM, label: t('calendar.wholeTeam') },
      ...(board.data?.technicians ?? []).map((tech) => ({ value: tech.id, label: `${tech.name} (${tech.territoryName})` })),
    ],
    [board.data, t],
  );
  return (
    <Select
      className="technician-picker"
      label={t('calendar.show')}
      data={data}
      value={value ?? TEAM}
      onChange={(next) => onChange(next && next !== TEAM ? next : undefined)}
      disabled={!board.data}
      searchable
      allowDeselect={false}
      nothingFoundMessage={t('calendar.noTechnician')}
      maxDropdownHeight={320}
      w={300}
    />
  );
}
