// The one way the screens call Go: the backend's presence is checked and every failure
// arrives as an ApiError.
import { patchWailsCallback } from './callback';
import { ApiError, normaliseError } from './errors';

declare global {
  interface Window {
    go?: unknown;
    runtime?: unknown;
  }
}

/** call runs one bound Go method. */
export async function call<T>(fn: () => Promise<unknown>): Promise<T> {
  if (typeof window === 'undefined' || window.go === undefined) {
    throw new ApiError('internal', 'The application backend is not available: open ISMS Desk from its window.');
  }
  patchWailsCallback();
  try {
    return (await fn()) as T;
  } catch (err) {
    throw normaliseError(err);
  }
}

/** Go sends a nil slice as null: the lists the screens iterate are made arrays here, once. */
export const arr = <T,>(v: T[] | null | undefined): T[] => v ?? [];
