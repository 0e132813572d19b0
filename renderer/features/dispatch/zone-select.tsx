import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { useT } from '../../components/use-t';

interface Props {
  companyZone: string;
  value: string;
  /** Zones the technicians work in: offered first. */
  technicianZones: readonly string[];
  onChange: (zone: string) => void;
}

function allZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? [];
}

/**
 * The zone times are shown in: the company's operating zone by default (labelled as such), this
 * computer's, the technicians', or any other. Every time on the board page follows it.
 */
export function ZoneSelect({ companyZone, value, technicianZones, onChange }: Props) {
  const t = useT();
  const data = useMemo(() => {
    const computer = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const first = [
      { value: companyZone, label: t('zone.company', { zone: companyZone }) },
      ...(computer && computer !== companyZone ? [{ value: computer, label: t('zone.computer', { zone: computer }) }] : []),
      ...technicianZones.filter((z) => z !== companyZone && z !== computer).map((z) => ({ value: z, label: t('zone.technicians', { zone: z }) })),
    ];
    const listed = new Set(first.map((o) => o.value));
    return [
      { group: t('zone.suggested'), items: first },
      { group: t('zone.all'), items: allZones().filter((z) => !listed.has(z)).map((z) => ({ value: z, label: z })) },
    ];
  }, [companyZone, technicianZones, t]);
  return (
    <Select
      className="zone-select"
      size="xs"
      label={t('zone.label')}
      data={data}
      value={value}
      onChange={(zone) => zone && onChange(zone)}
      searchable
      allowDeselect={false}
      maxDropdownHeight={320}
      comboboxProps={{ width: 320 }}
      data-testid="zone-select"
    />
  );
}
