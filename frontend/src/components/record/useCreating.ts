import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * useCreating is a register's "the create form is open" state; `?new=1` in the address
 * (File → New record in the menu, the command palette) opens it.
 */
export function useCreating(): [boolean, (open: boolean) => void] {
  const [params, setParams] = useSearchParams();
  const asked = params.get('new') === '1';
  const [creating, setCreating] = useState(asked);
  useEffect(() => {
    if (!asked) return;
    setCreating(true);
    setParams((p) => { p.delete('new'); return p; }, { replace: true });
  }, [asked, setParams]);
  return [creating, setCreating];
}
