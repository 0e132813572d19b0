/** Small inline icons: no icon font or emoji, which Debian Chromium may not have. */

export function PinIcon({ className }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 16 16" width="11" height="11" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M9.8 1.2a.75.75 0 0 1 1.06 0l3.94 3.94a.75.75 0 0 1 0 1.06l-.9.9a.75.75 0 0 1-.7.2l-1.6-.4-2.2 2.2.33 2.6a.75.75 0 0 1-.21.63l-.7.7a.75.75 0 0 1-1.06 0L5.3 10.6l-3.1 3.1a.5.5 0 0 1-.7-.7l3.1-3.1-2.43-2.43a.75.75 0 0 1 0-1.06l.7-.7a.75.75 0 0 1 .63-.21l2.6.33 2.2-2.2-.4-1.6a.75.75 0 0 1 .2-.7z"
      />
    </svg>
  );
}

export function ChevronIcon({ className }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
      <path fill="none" stroke="currentColor" strokeWidth="2" d="M4 6l4 4 4-4" />
    </svg>
  );
}
