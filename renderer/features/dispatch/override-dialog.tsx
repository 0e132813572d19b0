import { Alert, Button, Group, Modal, NativeSelect, Text, Textarea } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { overrideReasonCodes, type Override, type OverrideReasonCode } from '../../../shared/domain/override-reasons';
import { useT } from '../../components/use-t';
import { overrideReasonMessages, ruleMessage } from './rule-labels';

export interface OverrideRequest {
  /** What is being changed ("Move WO-00012 to Ann Archer, 10:30"). */
  change: string;
  /** The rule(s) broken: a code and the engine's sentence each. */
  problems: { rule: string; message: string }[];
}

interface Props {
  request: OverrideRequest | null;
  /** A refusal of the overridden change itself (shown in the dialog, so the note typed is kept). */
  error: string | null;
  busy: boolean;
  onConfirm: (override: Override) => void;
  onCancel: () => void;
}

/** Codes a dispatcher picks; 'undo' is recorded only by undo itself. */
const choosable = overrideReasonCodes.filter((code): code is Exclude<OverrideReasonCode, 'undo'> => code !== 'undo');

/**
 * A drop or change that breaks a scheduling rule is refused unless the dispatcher overrides it
 * here, with a reason code and a note: both are kept on the booking and in the audit trail.
 */
export function OverrideDialog({ request, error, busy, onConfirm, onCancel }: Props) {
  const t = useT();
  const [code, setCode] = useState<string>('');
  const [note, setNote] = useState('');
  useEffect(() => {
    if (request) {
      setCode('');
      setNote('');
    }
  }, [request]);
  const valid = code !== '' && note.trim().length >= 3;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid && !busy) onConfirm({ code: code as OverrideReasonCode, reason: note.trim() });
  };
  return (
    <Modal opened={request !== null} onClose={onCancel} title={request && request.problems.length === 0 ? t('override.engineTitle') : t('override.title')} size="lg" data-testid="override-dialog" closeButtonProps={{ 'aria-label': t('override.close') }}>
      {request && (
        <form onSubmit={submit}>
          <Text mb="xs">{request.change}</Text>
          {request.problems.length === 0 && <Alert color="blue" mb="sm">{t('override.engineChoice')}</Alert>}
          {request.problems.length > 0 && <Alert color="warning" mb="sm" data-testid="override-problems" title={t('override.broken')}>
            <ul className="override-problems">
              {request.problems.map((p, i) => {
                const key = ruleMessage(p.rule);
                return (
                  <li key={i}>
                    {key && <strong>{t(key)}: </strong>}
                    <span className="override-problem-detail">{p.message}</span>
                  </li>
                );
              })}
            </ul>
          </Alert>}
          <NativeSelect label={t('override.reasonCode')} withAsterisk required value={code} onChange={(e) => setCode(e.currentTarget.value)} mb="sm" disabled={busy} data-autofocus>
            <option value="">{t('override.chooseReason')}</option>
            {choosable.map((c) => (
              <option key={c} value={c}>{t(overrideReasonMessages[c])}</option>
            ))}
          </NativeSelect>
          <Textarea label={t('override.note')} description={t('override.noteHelp')} withAsterisk required autosize minRows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)} disabled={busy} />
          {error && (
            <Alert color="danger" role="alert" mt="sm" data-testid="override-error">
              <strong>{t('booking.notSaved')}</strong> {error}
            </Alert>
          )}
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={onCancel} disabled={busy}>{t('override.cancel')}</Button>
            <Button type="submit" color="warning" disabled={!valid || busy} loading={busy}>{t('override.confirm')}</Button>
          </Group>
        </form>
      )}
    </Modal>
  );
}
