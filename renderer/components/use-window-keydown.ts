import { useEffect, useEffectEvent } from 'react';

/** One window keydown listener for the component's lifetime, always calling the latest handler. */
export function useWindowKeydown(handler: (event: KeyboardEvent) => void): void {
  const onKey = useEffectEvent(handler);
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
