import { useCallback, useState } from 'react';

/** Values kept while the window is open, by key: a register's filters survive opening a record. */
const kept = new Map<string, unknown>();

/** useKeptState is useState whose value comes back when the screen is shown again. */
export function useKeptState<T>(key: string, initial: T): [T, (v: T) => void] {
  const [value, setValue] = useState<T>(() => (kept.has(key) ? (kept.get(key) as T) : initial));
  const set = useCallback((v: T) => { kept.set(key, v); setValue(v); }, [key]);
  return [value, set];
}
