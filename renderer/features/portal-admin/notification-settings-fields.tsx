import type { z } from 'zod';
import { Group, NumberInput, Radio, Stack, Switch, Text, TextInput } from '@mantine/core';
import {
  defaultNotificationSettings,
  notificationKinds,
  ReminderDaysSchema,
  ReminderHoursSchema,
  ReminderTimeSchema,
  type NotificationKind,
  type NotificationSettings,
} from '../../../shared/domain/notification-settings';
import type { MessageKey } from '../../../shared/i18n/catalogues';
import { useT } from '../../components/use-t';
import { fieldErrors } from './portal-settings-issues';

type NumberField = number | string;

/** The Notifications part of the portal settings form, as typed. */
export interface NotificationDraft {
  off: NotificationKind[];
  reminderMode: 'days' | 'hours';
  reminderDays: NumberField;
  reminderAt: string;
  reminderHours: NumberField;
  /**
   * Saved settings without notifications leave the hub's options in charge (--reminder may say
   * "3h"): they are saved only once an administrator touches this section.
   */
  edited: boolean;
}

export function notificationDraftOf(saved: NotificationSettings | undefined): NotificationDraft {
  const settings = saved ?? defaultNotificationSettings;
  const lead = settings.reminder;
  return {
    off: [...settings.off],
    reminderMode: 'hoursBefore' in lead ? 'hours' : 'days',
    reminderDays: 'daysBefore' in lead ? lead.daysBefore : 1,
    reminderAt: 'at' in lead ? lead.at : '17:00',
    reminderHours: 'hoursBefore' in lead ? lead.hoursBefore : 3,
    edited: saved !== undefined,
  };
}

/** The settings to save (undefined: leave them out, as they were), or the messages by field ("notifications.reminder.at"). */
export function validateNotifications(draft: NotificationDraft, translate: (key: MessageKey) => string): { settings: NotificationSettings | undefined; errors: Map<string, string> } {
  const errors = new Map<string, string>();
  const check = (schema: z.ZodType, value: unknown, field: string) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) for (const [path, message] of fieldErrors(parsed.error.issues, translate, ['notifications', 'reminder', field])) errors.set(path, message);
  };
  const number = (value: NumberField) => (typeof value === 'number' ? value : undefined);
  if (draft.reminderMode === 'days') {
    check(ReminderDaysSchema, number(draft.reminderDays), 'daysBefore');
    check(ReminderTimeSchema, draft.reminderAt, 'at');
  } else {
    check(ReminderHoursSchema, number(draft.reminderHours), 'hoursBefore');
  }
  if (errors.size > 0 || !draft.edited) return { settings: undefined, errors };
  const reminder = draft.reminderMode === 'days' ? { daysBefore: draft.reminderDays as number, at: draft.reminderAt } : { hoursBefore: draft.reminderHours as number };
  // In the catalogue's order, so the same choice saves the same row.
  return { settings: { off: notificationKinds.filter((kind) => draft.off.includes(kind)), reminder }, errors };
}

const kindWhen: Record<NotificationKind, MessageKey> = {
  booking_confirmed: 'notificationSettings.when.booking_confirmed',
  booking_moved: 'notificationSettings.when.booking_moved',
  booking_canceled: 'notificationSettings.when.booking_canceled',
  technician_on_the_way: 'notificationSettings.when.technician_on_the_way',
  visit_completed: 'notificationSettings.when.visit_completed',
  booking_reminder: 'notificationSettings.when.booking_reminder',
};
const kindName: Record<NotificationKind, MessageKey> = {
  booking_confirmed: 'emails.kind.booking_confirmed',
  booking_moved: 'emails.kind.booking_moved',
  booking_canceled: 'emails.kind.booking_canceled',
  technician_on_the_way: 'emails.kind.technician_on_the_way',
  visit_completed: 'emails.kind.visit_completed',
  booking_reminder: 'emails.kind.booking_reminder',
};

interface Props {
  draft: NotificationDraft;
  onChange: (draft: NotificationDraft) => void;
  error: (path: string) => string | undefined;
  disabled: boolean;
  /** The saved settings have none yet: the hub's own options apply. */
  unsaved: boolean;
}

/** A switch per booking e-mail (its name and when it goes out) and the reminder lead. */
export function NotificationSettingsFields({ draft, onChange, error, disabled, unsaved }: Props) {
  const t = useT();
  const set = (patch: Partial<NotificationDraft>) => onChange({ ...draft, ...patch, edited: true });
  return (
    <fieldset disabled={disabled} data-testid="notification-settings">
      <legend>{t('notificationSettings.heading')}</legend>
      <Text size="sm" c="dimmed" mb="xs">{t(unsaved ? 'notificationSettings.unsaved' : 'notificationSettings.help')}</Text>
      <Stack gap="xs">
        {notificationKinds.map((kind) => (
          <Switch
            key={kind}
            label={t(kindName[kind])}
            description={t(kindWhen[kind])}
            checked={!draft.off.includes(kind)}
            disabled={disabled}
            onChange={(event) => set({ off: event.currentTarget.checked ? draft.off.filter((k) => k !== kind) : [...draft.off, kind] })}
            data-testid={`notification-${kind}`}
          />
        ))}
      </Stack>
      <Radio.Group mt="md" value={draft.reminderMode} onChange={(value) => set({ reminderMode: value as NotificationDraft['reminderMode'] })} label={t('notificationSettings.reminder')} description={t('notificationSettings.reminderHelp')}>
        <Group mt={4}>
          <Radio value="days" label={t('notificationSettings.reminderDaysMode')} />
          <Radio value="hours" label={t('notificationSettings.reminderHoursMode')} />
        </Group>
      </Radio.Group>
      {draft.reminderMode === 'days' ? (
        <Group mt="sm" align="flex-start">
          <NumberInput w={260} label={t('notificationSettings.reminderDays')} value={draft.reminderDays} onChange={(v) => set({ reminderDays: v })} error={error('notifications.reminder.daysBefore')} data-testid="reminder-days" />
          <TextInput w={260} dir="ltr" label={t('notificationSettings.reminderAt')} placeholder="17:00" value={draft.reminderAt} onChange={(e) => set({ reminderAt: e.currentTarget.value })} error={error('notifications.reminder.at')} data-testid="reminder-at" />
        </Group>
      ) : (
        <NumberInput mt="sm" w={260} label={t('notificationSettings.reminderHours')} value={draft.reminderHours} onChange={(v) => set({ reminderHours: v })} error={error('notifications.reminder.hoursBefore')} data-testid="reminder-hours" />
      )}
    </fieldset>
  );
}
