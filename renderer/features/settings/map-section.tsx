import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useApi } from '../../api/api-context';
import { ApiError } from '../../../shared/contract/api-result';
import type { MessageKey } from '../../../shared/i18n/catalogues';
import { useT } from '../../components/use-t';

/** The contract's messages for a bad tile address (shared/contract/preferences.ts), in the reader's language. */
const knownIssues: ReadonlyMap<string, MessageKey> = new Map([
  ['must be an http(s) address', 'settings.map.error.scheme'],
  ['must contain {z}, {x} and {y}', 'settings.map.error.placeholders'],
]);

function describeError(error: Error | null, t: ReturnType<typeof useT>): string | undefined {
  if (!error) return undefined;
  const issue = error instanceof ApiError ? error.issues[0]?.message : undefined;
  const key = issue ? knownIssues.get(issue) : undefined;
  return key ? t(key) : (issue ?? error.message);
}

/** The map's tile server: none by default (the map still works, markers on a plain background). */
export function MapSection() {
  const api = useApi();
  const t = useT();
  const id = useId();
  const queryClient = useQueryClient();
  const preferences = useQuery({ queryKey: ['preferences'], queryFn: () => api.getPreferences({}) });
  const saved = preferences.data?.mapTileUrl ?? null;
  const [url, setUrl] = useState(saved ?? '');
  useEffect(() => setUrl(saved ?? ''), [saved]);
  const save = useMutation({
    mutationFn: (mapTileUrl: string | null) => api.setPreferences({ mapTileUrl }),
    onSuccess: (next) => {
      queryClient.setQueryData(['preferences'], next);
      // The page's content security policy names the tile server, and is read when the page loads.
      if (next.mapTileUrl !== saved) window.location.reload();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(url.trim() === '' ? null : url.trim());
  };
  const error = describeError(save.error, t);
  return (
    <section className="settings-section" aria-labelledby={`${id}-heading`}>
      <Title order={3} id={`${id}-heading`} className="settings-heading">{t('settings.map')}</Title>
      <form onSubmit={submit}>
        <Stack gap="xs">
          <TextInput
            label={t('settings.map.tileUrl')}
            description={t('settings.map.tileUrlHelp')}
            placeholder="https://tile.openstreetmap.org/{z}/{x}/{y}.png"
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={error ? t('settings.map.invalid', { reason: error }) : undefined}
            errorProps={{ 'data-testid': 'map-tile-url-error' }}
            dir="ltr"
            data-testid="map-tile-url"
          />
          <Group gap="xs">
            <Button type="submit" size="compact-sm" variant="default" disabled={save.isPending}>{t('settings.map.save')}</Button>
            {save.isSuccess && <Text size="sm" c="dimmed" role="status">{save.data.mapTileUrl ? t('settings.map.saved') : t('settings.map.none')}</Text>}
          </Group>
        </Stack>
      </form>
    </section>
  );
}
