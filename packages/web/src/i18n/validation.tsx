import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type id from './id.json';

type ValidationKey = keyof (typeof id)['validation'];
type FieldMessages = Record<string, ValidationKey>;

/** Renders in the current language, so a shown error follows a language switch. */
function ValidationMessage({ messageKey, values }: { messageKey: ValidationKey; values?: Record<string, number> }) {
  const { t } = useTranslation();
  return <>{t(`validation.${messageKey}`, values ?? {})}</>;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
    || (Array.isArray(value) && value.length === 0);
}

function valueAt(values: unknown, path: readonly PropertyKey[]): unknown {
  let current = values;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function messageFor(issue: z.core.$ZodIssue, value: unknown, fieldMessages: FieldMessages, field: string): ReactNode {
  const own = fieldMessages[field];
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') {
        return isBlank(value) ? <ValidationMessage messageKey="required" /> : <ValidationMessage messageKey="tooShort" values={{ min }} />;
      }
      if (issue.origin === 'array' || issue.origin === 'set') return <ValidationMessage messageKey="chooseAtLeast" values={{ min }} />;
      return <ValidationMessage messageKey="min" values={{ min }} />;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return <ValidationMessage messageKey="tooLong" values={{ max }} />;
      if (issue.origin === 'array' || issue.origin === 'set') return <ValidationMessage messageKey="chooseAtMost" values={{ max }} />;
      return <ValidationMessage messageKey="max" values={{ max }} />;
    }
    case 'invalid_format':
      if (own) return <ValidationMessage messageKey={own} />;
      return <ValidationMessage messageKey={issue.format === 'email' ? 'email' : 'format'} />;
    case 'invalid_type':
      return isBlank(value) ? <ValidationMessage messageKey="required" /> : <ValidationMessage messageKey="invalid" />;
    case 'invalid_value':
      return <ValidationMessage messageKey={isBlank(value) ? 'required' : 'choose'} />;
    case 'custom':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'not_multiple_of':
    case 'unrecognized_keys':
      return <ValidationMessage messageKey={own ?? 'invalid'} />;
  }
}

/**
 * A @mantine/form validator built from the shared zod schema, with messages from our own
 * translations (the schema's texts are for the API and carry both languages at once).
 * `fieldMessages` names the message for a field's format or custom rule, e.g. { phone: 'phone' }.
 */
export function zodValidator<Values>(schema: z.ZodType, fieldMessages: FieldMessages = {}) {
  return (values: Values): Record<string, ReactNode> => {
    const result = schema.safeParse(values);
    if (result.success) return {};
    const errors: Record<string, ReactNode> = {};
    for (const issue of result.error.issues) {
      const field = issue.path.map(String).join('.');
      if (field in errors) continue;
      errors[field] = messageFor(issue, valueAt(values, issue.path), fieldMessages, field);
    }
    return errors;
  };
}

/** A translated message for a rule the schema does not hold (password confirmation, strength). */
export function validationMessage(messageKey: ValidationKey, values?: Record<string, number>): ReactNode {
  return <ValidationMessage messageKey={messageKey} values={values} />;
}
