import { Alert, Button, Checkbox, Group, NumberInput, Radio, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { PortalSettingsView } from '../../../shared/contract/portal-admin';
import { ArrivalWindowsSchema, defaultPortalSettings, PortalSettingsSchema, SlotGranularitySchema, type PortalSettings } from '../../../shared/domain/portal-settings';
import { SetChangeNoticeArgs } from '../../../shared/mutations/incident-type-mutations';
import { useApi } from '../../api/api-context';
import { mutationCall, useRunMutation } from '../../api/use-run-mutation';
import { QueryState } from '../../components/query-state';
import { usePermission } from '../../components/use-permission';
import { useT } from '../../components/use-t';
import { NotificationSettingsFields, notificationDraftOf, validateNotifications, type NotificationDraft } from './notification-settings-fields';
import { fieldErrors, type FieldErrors } from './portal-settings-issues';

/** Portal → Settings: what customers may book and when; administrators only (others read it). */
export function PortalSettingsPanel() {
  const api = useApi();
  const t = useT();
  const id = useId();
  const query = useQuery({ queryKey: ['portal-settings'], queryFn: () => api.getPortalSettings({}) });
  return (
    <section className="portal-admin-panel" aria-labelledby={`${id}-heading`}>
      <Title order={2} id={`${id}-heading`} size="h3" mb="sm">{t('portalSettings.heading')}</Title>
      <QueryState query={query} loadingLabel={t('portalSettings.loading')}>
        {(view) => <SettingsForm view={view} />}
      </QueryState>
    </section>
  );
}

type NumberField = number | string;
interface Draft {
  bookable: string[];
  minLeadDays: NumberField;
  maxLeadDays: NumberField;
  minNoticeHours: NumberField;
  slotMode: 'granularity' | 'windows';
  granularityMinutes: NumberField;
  windows: { start: string; end: string }[];
  surveyEnabled: boolean;
  /** Incident type id → hours ('' for none). */
  changeNotice: Record<string, NumberField>;
  notifications: NotificationDraft;
}

function draftOf(view: PortalSettingsView): Draft {
  const s = view.settings;
  return {
    bookable: [...s.bookableIncidentTypeIds],
    minLeadDays: s.minLeadDays,
    maxLeadDays: s.maxLeadDays,
    minNoticeHours: s.minNoticeHours,
    slotMode: 'granularityMinutes' in s.slots ? 'granularity' : 'windows',
    granularityMinutes: 'granularityMinutes' in s.slots ? s.slots.granularityMinutes : 30,
    windows: 'arrivalWindows' in s.slots ? s.slots.arrivalWindows.map((w) => ({ ...w })) : [{ start: '08:00', end: '12:00' }, { start: '12:00', end: '16:00' }],
    surveyEnabled: s.surveyEnabled,
    changeNotice: Object.fromEntries(view.incidentTypes.map((type) => [type.id, type.customerChangeNoticeHours ?? ''])),
    notifications: notificationDraftOf(s.notifications),
  };
}

/** '' (an emptied number field) is no number: the schema then says the field is required. */
const numberOrUndefined = (value: NumberField) => (typeof value === 'number' ? value : undefined);

/** The draft checked by the same schemas the mutations run (the slot kinds one at a time, for messages that name the field). */
function validate(draft: Draft, view: PortalSettingsView, translate: Parameters<typeof fieldErrors>[1]): { settings: PortalSettings | null; notices: Map<string, number | null>; errors: FieldErrors } {
  const slots = draft.slotMode === 'granularity' ? { granularityMinutes: numberOrUndefined(draft.granularityMinutes) } : { arrivalWindows: draft.windows };
  const candidate = {
    minLeadDays: numberOrUndefined(draft.minLeadDays),
    maxLeadDays: numberOrUndefined(draft.maxLeadDays),
    minNoticeHours: numberOrUndefined(draft.minNoticeHours),
    bookableIncidentTypeIds: draft.bookable,
    slots,
    surveyEnabled: draft.surveyEnabled,
  };
  const parsed = PortalSettingsSchema.safeParse(candidate);
  const errors = parsed.success ? new Map<string, string>() : fieldErrors(parsed.error.issues.filter((i) => i.path[0] !== 'slots'), translate);
  // zod checks the whole object's rules only once every field passes: the lead-time order is asked on its own, so it shows with the rest.
  if (!parsed.success && !errors.has('minLeadDays') && !errors.has('maxLeadDays')) {
    const leads = PortalSettingsSchema.safeParse({ ...defaultPortalSettings([]), minLeadDays: candidate.minLeadDays, maxLeadDays: candidate.maxLeadDays });
    if (!leads.success) for (const [path, message] of fieldErrors(leads.error.issues, translate)) errors.set(path, message);
  }
  const slotCheck =
    draft.slotMode === 'granularity' ? SlotGranularitySchema.safeParse(slots.granularityMinutes) : ArrivalWindowsSchema.safeParse(draft.windows);
  if (!slotCheck.success) {
    const prefix = draft.slotMode === 'granularity' ? ['slots', 'granularityMinutes'] : ['slots', 'arrivalWindows'];
    // A window whose times are not HH:MM has no order to judge yet: its format is the one message.
    const badTimes = new Set(slotCheck.error.issues.filter((i) => i.code === 'invalid_format').map((i) => String(i.path[0])));
    const issues = slotCheck.error.issues.filter((i) => i.code !== 'custom' || !badTimes.has(String(i.path[0])));
    for (const [path, message] of fieldErrors(issues, translate, prefix)) if (!errors.has(path)) errors.set(path, message);
  }
  const notifications = validateNotifications(draft.notifications, translate);
  for (const [path, message] of notifications.errors) errors.set(path, message);
  const notices = new Map<string, number | null>();
  for (const type of view.incidentTypes) {
    const value = draft.changeNotice[type.id] ?? '';
    const hours = value === '' ? null : value;
    const check = SetChangeNoticeArgs.shape.hours.safeParse(hours);
    if (!check.success) {
      for (const [path, message] of fieldErrors(check.error.issues, translate, ['changeNotice', type.id])) errors.set(path, message);
    } else if (check.data !== type.customerChangeNoticeHours) notices.set(type.id, check.data);
  }
  const settings = parsed.success && errors.size === 0 ? { ...parsed.data, ...(notifications.settings ? { notifications: notifications.settings } : {}) } : null;
  return { settings, notices, errors };
}

function SettingsForm({ view }: { view: PortalSettingsView }) {
  const t = useT();
  const run = useRunMutation();
  const mayEdit = usePermission('savePortalSettings');
  const [draft, setDraft] = useState(() => draftOf(view));
  // The settings the draft started from: what is saved against (its version) and what "changed elsewhere" means.
  const [origin, setOrigin] = useState(view);
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const [refusal, setRefusal] = useState<string | null>(null);
  // Compared as they would be saved: the slot kind not chosen does not count.
  const comparable = (d: Draft) => ({ ...d, windows: d.slotMode === 'windows' ? d.windows : null, granularityMinutes: d.slotMode === 'granularity' ? d.granularityMinutes : null, notifications: { ...d.notifications, edited: null } });
  const sameAs = (a: Draft, b: Draft) => JSON.stringify(comparable(a)) === JSON.stringify(comparable(b));
  // A newer row with the same content (a sync re-stamping it), or with exactly what is typed (our own save): nothing to lose, take it.
  const adoptable = view !== origin && (sameAs(draftOf(view), draftOf(origin)) || sameAs(draftOf(view), draft));
  useEffect(() => {
    if (adoptable) setOrigin(view);
  }, [adoptable, view]);
  // Otherwise someone else changed them while this form was being edited: the edits stay, and saving would be refused.
  const stale = !adoptable && (view.version !== origin.version || !sameAs(draftOf(view), draftOf(origin)));
  const reload = () => {
    setDraft(draftOf(view));
    setOrigin(view);
    setErrors(new Map());
    setRefusal(null);
  };
  const set = <K extends keyof Draft>(field: K, value: Draft[K]) => setDraft((d) => ({ ...d, [field]: value }));
  const error = (path: string) => errors.get(path);
  const disabled = !mayEdit.allowed || run.isPending;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (disabled) return;
    setRefusal(null);
    const checked = validate(draft, origin, t);
    setErrors(checked.errors);
    if (!checked.settings) return;
    // Only the change notices edited: the settings row stays as it is (and keeps its version).
    if (!origin.saved || JSON.stringify(checked.settings) !== JSON.stringify(origin.settings)) {
      const saved = await run.mutateAsync(mutationCall('savePortalSettings', { settings: checked.settings, expectedVersion: origin.version }));
      if (saved.outcome.status === 'refused') return setRefusal(saved.outcome.reason);
    }
    for (const [incidentTypeId, hours] of checked.notices) {
      const notice = await run.mutateAsync(mutationCall('setChangeNotice', { incidentTypeId, hours }));
      if (notice.outcome.status === 'refused') return setRefusal(notice.outcome.reason);
    }
  };

  const bookableTypes = view.incidentTypes.filter((type) => type.portalBookable);
  const otherTypes = view.incidentTypes.filter((type) => !type.portalBookable);
  return (
    <form className="portal-settings-form" onSubmit={(event) => void submit(event)} noValidate data-testid="portal-settings-form">
      <Stack gap="md">
        {!mayEdit.allowed && <Alert color="warning" data-testid="portal-settings-permission">{mayEdit.reason}</Alert>}
        {!view.saved && <Text c="dimmed" size="sm">{t('portalSettings.defaults')}</Text>}
        {stale && (
          <Alert color="warning" data-testid="portal-settings-stale">
            <Text size="sm" mb="xs">{t('portalSettings.changedElsewhere')}</Text>
            <Button size="compact-sm" variant="default" onClick={reload}>{t('portalSettings.loadNewer')}</Button>
          </Alert>
        )}
        <fieldset disabled={disabled}>
          <legend>{t('portalSettings.when')}</legend>
          <Group grow align="flex-start">
            <NumberInput label={t('portalSettings.minLeadDays')} description={t('portalSettings.minLeadDaysHelp')} value={draft.minLeadDays} onChange={(v) => set('minLeadDays', v)} error={error('minLeadDays')} data-testid="min-lead-days" />
            <NumberInput label={t('portalSettings.maxLeadDays')} description={t('portalSettings.maxLeadDaysHelp')} value={draft.maxLeadDays} onChange={(v) => set('maxLeadDays', v)} error={error('maxLeadDays')} data-testid="max-lead-days" />
            <NumberInput label={t('portalSettings.minNoticeHours')} description={t('portalSettings.minNoticeHoursHelp')} value={draft.minNoticeHours} onChange={(v) => set('minNoticeHours', v)} error={error('minNoticeHours')} decimalScale={2} data-testid="min-notice-hours" />
          </Group>
        </fieldset>
        <SlotFields draft={draft} set={set} error={error} disabled={disabled} />
        <fieldset disabled={disabled} data-testid="bookable-types">
          <legend>{t('portalSettings.types')}</legend>
          <Text size="sm" c="dimmed" mb="xs">{t('portalSettings.typesHelp')}</Text>
          <div className="incident-type-row incident-type-head" aria-hidden="true">
            <span>{t('portalSettings.offered')}</span>
            <span>{t('portalSettings.changeNotice')}</span>
          </div>
          {bookableTypes.map((type) => (
            <div className="incident-type-row" key={type.id}>
              <Checkbox
                label={<><bdi>{type.customerFacingName}</bdi> <Text span size="xs" c="dimmed">(<bdi>{type.name}</bdi>)</Text></>}
                checked={draft.bookable.includes(type.id)}
                onChange={(event) => set('bookable', event.currentTarget.checked ? [...draft.bookable, type.id] : draft.bookable.filter((id) => id !== type.id))}
              />
              <ChangeNoticeInput typeId={type.id} typeName={type.name} draft={draft} set={set} error={error} />
            </div>
          ))}
          {otherTypes.length > 0 && (
            <Text size="sm" c="dimmed" mt="xs" data-testid="not-bookable">
              {t('portalSettings.notBookable', { types: otherTypes.map((type) => type.name).join(', ') })}
            </Text>
          )}
        </fieldset>
        <Switch label={t('portalSettings.survey')} description={t('portalSettings.surveyHelp')} checked={draft.surveyEnabled} disabled={disabled} onChange={(event) => set('surveyEnabled', event.currentTarget.checked)} />
        <NotificationSettingsFields draft={draft.notifications} onChange={(notifications) => set('notifications', notifications)} error={error} disabled={disabled} unsaved={!origin.settings.notifications} />
        {errors.size > 0 && <Alert color="danger" role="alert" data-testid="portal-settings-invalid">{t('portalSettings.fix', { count: errors.size })}</Alert>}
        {refusal && <Alert color="danger" role="alert">{refusal}</Alert>}
        {run.isError && <Alert color="danger" role="alert">{run.error.message}</Alert>}
        <Group>
          <Button type="submit" disabled={disabled}>{run.isPending ? t('common.saving') : t('portalSettings.save')}</Button>
          <Button variant="default" disabled={disabled} onClick={reload}>{t('portalSettings.reset')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

type SetField = <K extends keyof Draft>(field: K, value: Draft[K]) => void;

function ChangeNoticeInput({ typeId, typeName, draft, set, error }: { typeId: string; typeName: string; draft: Draft; set: SetField; error: (path: string) => string | undefined }) {
  const t = useT();
  return (
    <NumberInput
      size="xs"
      aria-label={t('portalSettings.changeNoticeFor', { type: typeName })}
      placeholder={t('portalSettings.changeNoticeNone')}
      value={draft.changeNotice[typeId] ?? ''}
      onChange={(v) => set('changeNotice', { ...draft.changeNotice, [typeId]: v })}
      error={error(`changeNotice.${typeId}`)}
      data-testid={`change-notice-${typeId}`}
    />
  );
}

function SlotFields({ draft, set, error, disabled }: { draft: Draft; set: SetField; error: (path: string) => string | undefined; disabled: boolean }) {
  const t = useT();
  const setWindow = (index: number, part: 'start' | 'end', value: string) => set('windows', draft.windows.map((w, i) => (i === index ? { ...w, [part]: value } : w)));
  return (
    <fieldset disabled={disabled}>
      <legend>{t('portalSettings.slots')}</legend>
      <Radio.Group value={draft.slotMode} onChange={(v) => set('slotMode', v as Draft['slotMode'])} label={t('portalSettings.slotKind')}>
        <Group mt={4}>
          <Radio value="granularity" label={t('portalSettings.slotGranularity')} />
          <Radio value="windows" label={t('portalSettings.slotWindows')} />
        </Group>
      </Radio.Group>
      {draft.slotMode === 'granularity' ? (
        <NumberInput mt="sm" maw={260} label={t('portalSettings.granularityMinutes')} value={draft.granularityMinutes} onChange={(v) => set('granularityMinutes', v)} error={error('slots.granularityMinutes')} data-testid="granularity-minutes" />
      ) : (
        <Stack gap="xs" mt="sm" data-testid="arrival-windows">
          {draft.windows.map((w, i) => (
            <div className="arrival-window-row" key={i}>
              <TextInput w={170} dir="ltr" label={t('portalSettings.windowStart', { n: i + 1 })} placeholder="08:00" value={w.start} onChange={(e) => setWindow(i, 'start', e.currentTarget.value)} error={error(`slots.arrivalWindows.${i}.start`)} />
              <TextInput w={170} dir="ltr" label={t('portalSettings.windowEnd', { n: i + 1 })} placeholder="12:00" value={w.end} onChange={(e) => setWindow(i, 'end', e.currentTarget.value)} error={error(`slots.arrivalWindows.${i}.end`)} />
              <Button variant="subtle" mt={24} size="compact-sm" onClick={() => set('windows', draft.windows.filter((_, k) => k !== i))} aria-label={t('portalSettings.removeWindowLabel', { n: i + 1 })}>
                {t('portalSettings.removeWindow')}
              </Button>
            </div>
          ))}
          {error('slots.arrivalWindows') && <Text c="var(--danger-fg)" size="sm" role="alert">{error('slots.arrivalWindows')}</Text>}
          <Group>
            <Button variant="default" size="compact-sm" onClick={() => set('windows', [...draft.windows, { start: '', end: '' }])}>{t('portalSettings.addWindow')}</Button>
          </Group>
        </Stack>
      )}
    </fieldset>
  );
}
