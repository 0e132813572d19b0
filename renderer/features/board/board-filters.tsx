import { ActionIcon, Button, Group, MultiSelect, Popover, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { emptyBoardFilter, type BoardView, type SavedBoardView } from '../../../shared/contract/board-views';
import { bookingStatuses } from '../../../shared/domain/booking-status';
import { useApi } from '../../api/api-context';
import { useStatusLabel } from '../../components/status-label';
import { useT } from '../../components/use-t';

interface Props {
  view: BoardView;
  onChange: (view: BoardView) => void;
}

/** Filters (territory, skill, status, needs review) and saved views (which keep the board's scale too; the toolbar sets it). */
export function BoardFilters({ view, onChange }: Props) {
  const api = useApi();
  const t = useT();
  const statusLabel = useStatusLabel();
  const options = useQuery({ queryKey: ['board-filter-options'], queryFn: () => api.listBoardFilterOptions({}), staleTime: 60_000 });
  const filter = view.filter;
  const setFilter = (patch: Partial<BoardView['filter']>) => onChange({ ...view, filter: { ...filter, ...patch } });
  const filtered = filter.territoryIds.length + filter.characteristicIds.length + filter.statuses.length > 0 || filter.needsReview;
  return (
    <Group className="board-filters" gap="xs" wrap="wrap" align="flex-end" role="group" aria-label={t('filters.label')} data-testid="board-filters">
      <MultiSelect
        size="xs"
        label={t('filters.territory')}
        placeholder={filter.territoryIds.length ? undefined : t('filters.all')}
        data={(options.data?.territories ?? []).map((x) => ({ value: x.id, label: x.name }))}
        value={filter.territoryIds}
        onChange={(territoryIds) => setFilter({ territoryIds })}
        clearable
        className="board-filter"
      />
      <MultiSelect
        size="xs"
        label={t('filters.skill')}
        placeholder={filter.characteristicIds.length ? undefined : t('filters.any')}
        data={(options.data?.characteristics ?? []).map((x) => ({ value: x.id, label: x.name }))}
        value={filter.characteristicIds}
        onChange={(characteristicIds) => setFilter({ characteristicIds })}
        clearable
        className="board-filter"
      />
      <MultiSelect
        size="xs"
        label={t('filters.status')}
        placeholder={filter.statuses.length ? undefined : t('filters.all')}
        data={bookingStatuses.map((s) => ({ value: s, label: statusLabel(s) }))}
        value={filter.statuses}
        onChange={(statuses) => setFilter({ statuses: statuses as BoardView['filter']['statuses'] })}
        clearable
        className="board-filter"
      />
      <Switch size="sm" label={t('filters.needsReview')} checked={filter.needsReview} onChange={(e) => setFilter({ needsReview: e.currentTarget.checked })} className="board-filter-switch" />
      {filtered && (
        <Button size="xs" variant="subtle" onClick={() => onChange({ ...view, filter: emptyBoardFilter })}>
          {t('filters.clear')}
        </Button>
      )}
      <SavedViews view={view} onChange={onChange} />
    </Group>
  );
}

function SavedViews({ view, onChange }: Props) {
  const api = useApi();
  const t = useT();
  const queryClient = useQueryClient();
  const views = useQuery({ queryKey: ['board-views'], queryFn: () => api.listBoardViews({}) });
  const [chosen, setChosen] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['board-views'] });
  const remove = useMutation({ mutationFn: (id: string) => api.deleteBoardView({ id }), onSuccess: () => { setChosen(null); void refresh(); } });
  const apply = (id: string | null) => {
    setChosen(id);
    const saved = views.data?.find((v) => v.id === id);
    if (saved) onChange(saved.view);
  };
  return (
    <Group gap={4} align="flex-end" wrap="nowrap">
      <Select
        size="xs"
        label={t('views.label')}
        placeholder={t('views.none')}
        data={(views.data ?? []).map((v) => ({ value: v.id, label: v.name }))}
        value={chosen}
        onChange={apply}
        allowDeselect={false}
        className="board-filter"
        data-testid="saved-views"
      />
      <SaveViewButton view={view} onSaved={(saved) => { setChosen(saved.id); void refresh(); }} />
      {chosen && (
        <ActionIcon size="md" variant="default" aria-label={t('views.delete')} title={t('views.delete')} onClick={() => remove.mutate(chosen)}>
          <span aria-hidden="true">×</span>
        </ActionIcon>
      )}
    </Group>
  );
}

function SaveViewButton({ view, onSaved }: { view: BoardView; onSaved: (saved: SavedBoardView) => void }) {
  const api = useApi();
  const t = useT();
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState('');
  const save = useMutation({
    mutationFn: () => api.saveBoardView({ name, view }),
    onSuccess: (saved) => {
      onSaved(saved);
      setOpened(false);
      setName('');
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) save.mutate();
  };
  return (
    <Popover opened={opened} onChange={setOpened} trapFocus position="bottom-end" withArrow>
      <Popover.Target>
        <Button size="xs" variant="default" onClick={() => setOpened((o) => !o)} aria-expanded={opened}>{t('views.save')}</Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form onSubmit={submit}>
          <Stack gap="xs">
            <TextInput size="xs" label={t('views.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={80} error={save.error?.message} data-autofocus />
            <Button size="xs" type="submit" disabled={!name.trim() || save.isPending}>{t('views.saveConfirm')}</Button>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
