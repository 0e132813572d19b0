import { Spotlight, spotlight } from '@mantine/spotlight';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { useIntl } from 'react-intl';
import { Temporal } from 'temporal-polyfill';
import type { SearchGroup, SearchHit, SearchKind } from '../../../shared/contract/search';
import type { MessageKey } from '../../../shared/i18n/catalogues';
import { useApi } from '../../api/api-context';
import { useNavigation, type Navigation } from '../../app/navigation';
import { useT } from '../../components/use-t';
import { HighlightedText } from './highlighted-text';
import { matchCommands, type PaletteCommand } from './palette-commands';
import './command-palette.css';

const groupLabels: Record<SearchKind, MessageKey> = {
  workOrder: 'palette.group.workOrders',
  account: 'palette.group.accounts',
  contact: 'palette.group.contacts',
  asset: 'palette.group.assets',
  technician: 'palette.group.technicians',
};

export const openPalette = () => spotlight.open();

/**
 * Ctrl+K (⌘K): commands and records in one list, grouped, typo-tolerant, usable with the keyboard
 * alone (type, arrows, Enter, Escape). Records come from the main process's search; matches are
 * highlighted.
 */
export function CommandPalette() {
  const api = useApi();
  const t = useT();
  const navigation = useNavigation();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const results = useQuery({
    queryKey: ['search', deferred],
    queryFn: () => api.search({ query: deferred, limit: 6 }),
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
  const commands = matchCommands(query, (key) => t(key));
  const groups = results.data?.query === deferred || deferred === query ? (results.data?.groups ?? []) : [];
  const empty = commands.length === 0 && groups.length === 0;
  return (
    <Spotlight.Root
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      tagsToIgnore={[]}
      scrollable
      maxHeight={520}
      size={640}
      data-testid="command-palette"
    >
      <Spotlight.Search placeholder={t('palette.placeholder')} aria-label={t('palette.title')} />
      {/* The list scrolls: its viewport takes the focus, so a keyboard can scroll it too (the actions are reached with the arrows). */}
      <Spotlight.ActionsList aria-label={t('palette.results')} {...({ viewportProps: { tabIndex: 0, 'aria-label': t('palette.results') } } as object)}>
        {commands.length > 0 && (
          <Spotlight.ActionsGroup label={t('palette.group.commands')}>
            {commands.map((command) => (
              <CommandAction key={commandKey(command)} command={command} navigation={navigation} />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {groups.map((group) => (
          <ResultGroup key={group.kind} group={group} navigation={navigation} />
        ))}
        {empty && <Spotlight.Empty>{t('palette.nothing')}</Spotlight.Empty>}
        {query.trim().length > 0 && query.replace(/\s/g, '').length < 3 && <p className="palette-hint">{t('palette.tooShort')}</p>}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}

function commandKey(command: PaletteCommand): string {
  return command.kind === 'command' ? command.command : `${command.kind}:${command.kind === 'date' ? command.date : command.number}`;
}

function CommandAction({ command, navigation }: { command: PaletteCommand; navigation: Navigation }) {
  const t = useT();
  const { locale } = useIntl();
  if (command.kind === 'date') {
    // A calendar date, not an instant: no zone to name.
    const label = Temporal.PlainDate.from(command.date).toLocaleString(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    return <Spotlight.Action label={t('palette.command.goToDate', { date: label })} onClick={() => navigation.setDate(command.date)} data-testid="palette-command" />;
  }
  if (command.kind === 'work-order') {
    return (
      <Spotlight.Action
        label={t('palette.command.openWorkOrder', { number: command.number })}
        onClick={() => navigation.openRecord({ kind: 'work-order', ref: { number: command.number } })}
        data-testid="palette-command"
      />
    );
  }
  return <Spotlight.Action label={t(command.label)} onClick={() => navigation.runCommand(command.command)} data-testid="palette-command" />;
}

function ResultGroup({ group, navigation }: { group: SearchGroup; navigation: Navigation }) {
  const t = useT();
  return (
    <Spotlight.ActionsGroup label={t(groupLabels[group.kind])} data-testid={`palette-group-${group.kind}`}>
      {group.hits.map((hit) => (
        <Spotlight.Action key={hit.id} onClick={() => openHit(hit, navigation)} data-testid="palette-hit" data-kind={hit.kind} data-id={hit.id}>
          <span className="palette-hit">
            <span className="palette-hit-title">
              <HighlightedText text={hit.title} ranges={hit.titleMatches} />
            </span>
            <span className="palette-hit-subtitle">
              <HighlightedText text={hit.subtitle} ranges={hit.subtitleMatches} />
            </span>
          </span>
        </Spotlight.Action>
      ))}
    </Spotlight.ActionsGroup>
  );
}

/** A work order opens itself; an account, contact or asset opens its account; a technician their calendar. */
function openHit(hit: SearchHit, navigation: Navigation): void {
  if (hit.kind === 'workOrder' && hit.workOrderNumber) navigation.openRecord({ kind: 'work-order', ref: { number: hit.workOrderNumber } });
  else if (hit.kind === 'technician') navigation.showTechnician(hit.id);
  else if (hit.accountId) navigation.openRecord({ kind: 'account', accountId: hit.accountId });
}
