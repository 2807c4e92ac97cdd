import { SPECIFIC_DATA_HIDDEN_VALUE, SPECIFIC_EDIT_FIELDS, type ChangeEntity, type FieldChanges } from '@sinergi/domain';

const SPECIFIC: ReadonlySet<string> = new Set(SPECIFIC_EDIT_FIELDS);

/** Whether a recorded change of `entity` touches specific personal data (only members hold it). */
export function isSpecificChange(entity: ChangeEntity, field: string): boolean {
  return entity === 'member' && SPECIFIC.has(field);
}

/**
 * A recorded change as a masked view shows it: the values of specific personal data (UU PDP) replaced by
 * SPECIFIC_DATA_HIDDEN_VALUE. PPKS is hidden whole here, since which of its codes changed may be the sensitive part.
 */
export function hideSpecificChanges(entity: ChangeEntity, changes: FieldChanges): FieldChanges {
  return Object.fromEntries(
    Object.entries(changes).map(([field, pair]) => [field, isSpecificChange(entity, field) ? [SPECIFIC_DATA_HIDDEN_VALUE, SPECIFIC_DATA_HIDDEN_VALUE] : pair]),
  );
}
