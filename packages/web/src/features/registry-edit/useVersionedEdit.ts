import type { FieldChanges } from '@sinergi/domain';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { changedValues, changesSince } from './edit-values.ts';

export interface Versioned<V> {
  values: V;
  version: number;
}

interface Conflict<V> {
  current: Versioned<V>;
  theirs: FieldChanges;
  mine: string[];
}

interface VersionedEditOptions<V extends object, R> {
  /** The record as the form opened it. */
  start: Versioned<V>;
  save: (version: number, changes: Partial<V>) => Promise<R>;
  /** The current record from a 409's details, or null when the answer carries none. */
  currentFrom: (details: unknown) => Versioned<V> | null;
  onSaved: (result: R) => Promise<void> | void;
}

/**
 * Saving with optimistic concurrency: only changed fields are sent with the version the form started from. On 409
 * the current record is kept to show what the other person changed; `reload` rebases the form on it, keeping the
 * user's own changes to fields nobody else touched.
 */
export function useVersionedEdit<V extends object, R>({ start, save, currentFrom, onSaved }: VersionedEditOptions<V, R>) {
  const [base, setBase] = useState(start);
  const [conflict, setConflict] = useState<Conflict<V> | null>(null);
  const [unchanged, setUnchanged] = useState(false);
  const mutation = useMutation({
    meta: { inlineError: true },
    mutationFn: (changes: Partial<V>) => save(base.version, changes),
    onSuccess: onSaved,
    onError: (error, changes) => {
      const current = error instanceof ApiError && error.code === 'conflict' ? currentFrom(error.details) : null;
      if (current) setConflict({ current, theirs: changesSince(base.values, current.values), mine: Object.keys(changes) });
    },
  });

  const submit = (values: V) => {
    const changes = changedValues(base.values, values);
    setUnchanged(Object.keys(changes).length === 0);
    if (Object.keys(changes).length > 0) mutation.mutate(changes);
  };

  /** The form's new values: the current record with this user's changes on the fields the other person left alone. */
  const reload = (values: V): V | null => {
    if (!conflict) return null;
    const mine = changedValues(base.values, values) as Record<string, unknown>;
    const kept = Object.fromEntries(Object.entries(mine).filter(([field]) => !(field in conflict.theirs)));
    setBase(conflict.current);
    setConflict(null);
    mutation.reset();
    return { ...conflict.current.values, ...kept };
  };

  const otherError = mutation.error && !conflict ? mutation.error : null;
  return { base, conflict, unchanged, submit, reload, saving: mutation.isPending, error: otherError };
}
