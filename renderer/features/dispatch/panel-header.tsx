import { CloseButton, Group, Title } from '@mantine/core';

/** A side panel's heading and its close button (Escape or the ×), as the booking details have them. */
export function PanelHeader({ id, title, closeLabel, onClose }: { id: string; title: string; closeLabel: string; onClose: () => void }) {
  return (
    <Group className="side-pane-header" justify="space-between" wrap="nowrap">
      <Title order={2} id={id} className="side-pane-title">{title}</Title>
      <CloseButton onClick={onClose} aria-label={closeLabel} />
    </Group>
  );
}
