import { useState } from 'react';
import { ApiError } from '../../api/client.ts';

/** A form's save: busy while it runs, and the server's message (in the UI language) when it fails. */
export function useSubmission() {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<void>) => {
    setSaving(true);
    setError(null);
    try {
      await work();
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : String(cause));
    } finally {
      setSaving(false);
    }
  };
  return { saving, error, setError, run };
}
