import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useApi } from '../../api/api-context';
import { reasonCodesQuery } from '../../api/queries';

interface Props {
  busy: boolean;
  onSubmit: (reasonCode: string, note: string) => void;
  onClose: () => void;
}

/** Reason code (required, from the administrator-kept list) and an optional note. Escape closes the form only. */
export function CancelBookingForm({ busy, onSubmit, onClose }: Props) {
  const api = useApi();
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
    <form className="cancel-form" onSubmit={submit} onKeyDown={onKeyDown} aria-labelledby={`${id}-title`} data-testid="cancel-form">
      <h3 id={`${id}-title`}>Cancel this booking</h3>
      <p className="muted small">The customer is told, and the reason is kept in the audit trail.</p>
      <div className="form-field">
        <label htmlFor={`${id}-reason`}>Reason <span aria-hidden="true">*</span></label>
        <select
          id={`${id}-reason`}
          ref={select}
          value={reasonCode}
          required
          aria-required="true"
          disabled={busy}
          onChange={(event) => setReasonCode(event.target.value)}
        >
          <option value="">{codes.isPending ? 'Loading reasons…' : 'Choose a reason…'}</option>
          {active.map((c) => (
            <option key={c.code} value={c.code}>{c.label}</option>
          ))}
        </select>
        {codes.isError && <p className="field-error" role="alert">Could not load the reasons: {codes.error.message}</p>}
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-note`}>Note <span className="muted">(optional)</span></label>
        <textarea id={`${id}-note`} rows={3} maxLength={2000} value={note} disabled={busy} onChange={(event) => setNote(event.target.value)} />
      </div>
      <div className="form-actions">
        <button type="submit" className="danger-solid" disabled={!reasonCode || busy}>Cancel booking</button>
        <button type="button" onClick={onClose} disabled={busy}>Keep booking</button>
      </div>
    </form>
  );
}
