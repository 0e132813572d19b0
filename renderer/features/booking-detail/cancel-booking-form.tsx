import { Button, Group, NativeSelect, Paper, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useApi } from '../../api/api-context';
import { reasonCodesQuery } from '../../api/queries';
import { useT } from '../../components/use-t';

interface Props {
  busy: boolean;
  onSubmit: (reasonCode: string, note: string) => void;
  onClose: () => void;
}

/**
 * Reason code (required, from the administrator-kept list) and an optional note. Escape closes
 * the form only. The reasons are a short list: the platform's own select is the quickest to use.
 */
export function CancelBookingForm({ busy, onSubmit, onClose }: Props) {
  const api = useApi();
  const t = useT();
  const id = useId();
  const codes = useQuery(reasonCodesQuery(api));
  const [reasonCode, setReasonCode] = useState('');
  const [note, setNote] = useState('');
  const select = useRef<HTMLSelectElement>(null);
  useEffect(() => select.current?.focus(), []);
  const active = (codes.data ?? []).filter((c) => c.active);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reasonCode && !busy) onSubmit(reasonCode, note.trim());
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // Keep the booking panel open: only this form closes.
    event.stopPropagation();
    event.preventDefault();
    onClose();
  };
  return (
    <Paper component="form" withBorder className="cancel-form" onSubmit={submit} onKeyDown={onKeyDown} aria-labelledby={`${id}-title`} data-testid="cancel-form">
      <Title order={3} id={`${id}-title`} className="cancel-form-title">{t('cancel.title')}</Title>
      <Text c="dimmed" size="xs" mb="sm">{t('cancel.explanation')}</Text>
      <NativeSelect
        ref={select}
        label={t('cancel.reason')}
        withAsterisk
        required
        value={reasonCode}
        disabled={busy}
        onChange={(event) => setReasonCode(event.currentTarget.value)}
        error={codes.isError ? t('cancel.reasonsFailed', { reason: codes.error.message }) : undefined}
        mb="sm"
      >
        <option value="">{codes.isPending ? t('cancel.loadingReasons') : t('cancel.chooseReason')}</option>
        {active.map((c) => (
          <option key={c.code} value={c.code}>{c.label}</option>
        ))}
      </NativeSelect>
      <Textarea
        label={t('cancel.note')}
        description={t('common.optional')}
        autosize
        minRows={3}
        maxLength={2000}
        value={note}
        disabled={busy}
        onChange={(event) => setNote(event.currentTarget.value)}
      />
      <Group gap="xs" mt="md">
        <Button type="submit" color="danger" disabled={!reasonCode || busy}>{t('cancel.submit')}</Button>
        <Button variant="default" onClick={onClose} disabled={busy}>{t('cancel.keep')}</Button>
      </Group>
    </Paper>
  );
}
