/**
 * A react-hook-form resolver from a contract schema: the form's text fields become the command's
 * input (`toInput`: numbers parsed, money in minor units), the contract's own schema checks it — its
 * limits (capacity, rate, lengths) are not written again here — and each issue is said in the
 * desk's language (issue-text.ts). @hookform/resolvers' zodResolver would keep the contract's
 * English messages wherever the contract wrote one, so the issues are read here instead; the
 * first issue of a field wins. Loads zod: only forms outside the board's first bundle use it.
 */
import type { z } from 'zod';
import type { Translate } from '../i18n/translate';
import { issueText, type FieldIssue, type FieldText } from './issue-text';

/** A field's error as react-hook-form keeps it. */
export interface FieldError {
  type: string;
  message: string;
}

/**
 * react-hook-form's `Resolver` result, written out so this module (and its Node test) does not
 * load React's types; `useForm({ resolver })` accepts it as it is.
 */
export type ContractResolution<Output> = { values: Output; errors: Record<string, never> } | { values: Record<string, never>; errors: Record<string, FieldError> };

export function contractResolver<Values extends object, Output>(
  schema: z.ZodType<Output>,
  toInput: (values: Values) => unknown,
  /** Each command field's label (and bad-value text), by the field's name in the command's input. */
  fields: () => Record<string, FieldText>,
  t: () => Translate,
): (values: Values) => Promise<ContractResolution<Output>> {
  return async (values) => {
    // With the input in each issue: an empty field (undefined) is "required", text that is no number (NaN) a bad value.
    const input = toInput(values) as Record<string, unknown>;
    const result = await schema.safeParseAsync(input, { reportInput: true });
    if (result.success) return { values: result.data, errors: {} };
    const texts = fields();
    const errors: Record<string, FieldError> = {};
    for (const issue of result.error.issues) {
      const name = String(issue.path[0] ?? '');
      if (errors[name] || !(name in texts)) continue;
      // A field left empty is "required", whatever a coercing schema made of it (an id: NaN).
      const asked = input[name] === undefined ? { ...issue, input: undefined } : issue;
      errors[name] = { type: issue.code, message: issueText(asked as unknown as FieldIssue, texts[name]!, t()) };
    }
    return { values: {}, errors };
  };
}
