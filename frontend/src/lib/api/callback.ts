// Wails 2.16's runtime rejects a failed call with `new Error(message.error)`. When the
// Go ErrorFormatter returns an object ({code, message, fields}) that turns it into
// "[object Object]" and the code and field messages are lost. This shim stringifies such
// an object before the runtime sees it, so the Error's message is the JSON text that
// normaliseError parses. It changes nothing when the error is already a string.

interface WailsGlobal {
  Callback?: ((message: string) => void) & { ismsPatched?: boolean };
}

/** rewriteCallback returns the callback message with an object error turned into JSON text. */
export function rewriteCallback(message: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    return message;
  }
  if (typeof parsed !== 'object' || parsed === null) return message;
  const m = parsed as { error?: unknown };
  if (typeof m.error !== 'object' || m.error === null) return message;
  return JSON.stringify({ ...m, error: JSON.stringify(m.error) });
}

/** patchWailsCallback installs the shim once; it is a no-op outside the Wails window. */
export function patchWailsCallback(): void {
  const w = (window as unknown as { wails?: WailsGlobal }).wails;
  const original = w?.Callback;
  if (!w || typeof original !== 'function' || original.ismsPatched) return;
  const patched = Object.assign((message: string) => original.call(w, rewriteCallback(message)), { ismsPatched: true });
  w.Callback = patched;
}
