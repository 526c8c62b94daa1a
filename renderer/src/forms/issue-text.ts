/**
 * A contract schema's complaint about a field, said in the desk's language. The contract's own
 * messages are English and for API callers ("category is required"), so the text comes from the
 * issue's kind and limits instead: the limits stay written once, in shared/contract. Pure (no zod
 * at run time): tested in Node.
 */
import type { MessageKey, Translate } from '../i18n/translate';

/** The parts of a zod issue the text depends on. */
export interface FieldIssue {
  code: string;
  input?: unknown;
  origin?: string;
  expected?: string;
  format?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

export interface FieldText {
  /** The field's label, for "… is required". */
  label: string;
  /** What a value that is not one of the expected type should say (money: "an amount such as 1195"). */
  badValue?: MessageKey;
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

export function issueText(issue: FieldIssue, field: FieldText, t: Translate): string {
  switch (issue.code) {
    case 'invalid_type':
      if (isBlank(issue.input)) return t('validation.required', { field: field.label });
      return t(field.badValue ?? (issue.expected === 'number' ? 'validation.number' : 'validation.invalid'));
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? t('validation.required', { field: field.label }) : t('validation.invalid');
      return t('validation.atLeast', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('validation.tooLong', { max: Number(issue.maximum) });
      return t('validation.atMost', { max: Number(issue.maximum) });
    case 'invalid_format':
      return t(issue.format === 'email' ? 'validation.email' : 'validation.invalid');
    default:
      return t(field.badValue ?? 'validation.invalid');
  }
}
