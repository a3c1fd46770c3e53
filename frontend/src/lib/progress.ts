import { useEffect, useState } from 'react';
import { api, type Progress } from './api';

/**
 * useProgress follows a Go progress event ("import:progress", "export:progress") while
 * active is true; it starts again from null each time active turns on.
 */
export function useProgress(event: string, active: boolean): Progress | null {
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => {
    if (!active) return;
    setProgress(null);
    return api.events.on(event, (p) => setProgress(p));
  }, [event, active]);
  return progress;
}
