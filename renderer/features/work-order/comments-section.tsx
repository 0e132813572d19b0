import { Alert, Button, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import type { WorkOrderComment } from '../../../shared/domain/entities';
import { formatInstant } from '../../../shared/i18n/format-instant';
import { mutationCall, useRunMutation } from '../../api/use-run-mutation';
import { useT } from '../../components/use-t';

/** The conversation on a work order, oldest first, and a box to add to it (synced like any change). */
export function CommentsSection({ workOrderId, comments }: { workOrderId: string; comments: readonly WorkOrderComment[] }) {
  const t = useT();
  const intl = useIntl();
  const run = useRunMutation();
  const [text, setText] = useState('');
  const refusal = run.data?.outcome.status === 'refused' ? run.data.outcome : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim() || run.isPending) return;
    run.mutate(mutationCall('addComment', { commentId: crypto.randomUUID(), workOrderId, text }), {
      onSuccess: (response) => response.outcome.status === 'applied' && setText(''),
    });
  };
  return (
    <Stack gap="sm">
      {comments.length === 0 ? (
        <Text c="dimmed">{t('comments.empty')}</Text>
      ) : (
        <ol className="record-list" data-testid="comments">
          {comments.map((c) => (
            <li key={c.id} className="record-item" data-testid="comment">
              <div>
                <strong><bdi>{c.author}</bdi></strong> <span className="muted">{formatInstant(intl, c.at)}</span>
              </div>
              <p className="request-message comment-text">{c.text}</p>
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={submit}>
        <Stack gap="xs">
          <Textarea label={t('comments.add')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} maxLength={4000} />
          {refusal && <Alert color="danger" role="alert">{refusal.reason}</Alert>}
          {run.isError && <Alert color="danger" role="alert">{run.error.message}</Alert>}
          <div>
            <Button type="submit" disabled={!text.trim() || run.isPending}>{run.isPending ? t('common.saving') : t('comments.submit')}</Button>
          </div>
        </Stack>
      </form>
    </Stack>
  );
}
