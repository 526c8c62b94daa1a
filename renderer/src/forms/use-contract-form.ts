/**
 * A form checked by a contract's own schema (contract-resolver.ts) and saved through a store: the
 * react-hook-form state, the refusal kept to show in the dialog (everything typed stays), and
 * `submit` for the dialog's onSubmit. The cars' and rooms' forms use it; like the resolver, it
 * loads zod, so only forms outside the board's first bundle use it.
 */
import { useMemo, useState } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { currentT } from '../i18n/locale-store';
import type { MessageKey } from '../i18n/translate';
import { contractResolver } from './contract-resolver';
import type { FieldText } from './issue-text';

interface ContractFormOptions<Values extends FieldValues> {
  /** The command's input schema (create or update). */
  schema: z.ZodType<unknown>;
  /** The form's text as the command's input (numbers parsed, money in minor units, the id added). */
  toInput(values: Values): unknown;
  /** Each command field's label, by the field's name in the command's input. */
  labels: Record<string, MessageKey>;
  /** What a value of the wrong type says, for the fields that say more than "not a number". */
  badValues?: Record<string, MessageKey>;
  /** What the schema and `toInput` change with (the record edited, the money parser). */
  deps: readonly unknown[];
  defaultValues: DefaultValues<Values>;
  /** Sends the checked input; a throw is the refusal shown. */
  save(input: unknown): Promise<void>;
}

export function useContractForm<Values extends FieldValues>({ schema, toInput, labels, badValues, deps, defaultValues, save }: ContractFormOptions<Values>) {
  const [refusal, setRefusal] = useState<unknown>(null);

  const resolver = useMemo(() => {
    const fields = (): Record<string, FieldText> =>
      Object.fromEntries(Object.entries(labels).map(([name, key]) => [name, { label: currentT()(key), ...(badValues?.[name] ? { badValue: badValues[name] } : {}) }]));
    // Its errors are keyed by the command's field names, which are the form's: react-hook-form's own type, said.
    return contractResolver<Values, unknown>(schema, toInput, fields, currentT) as Resolver<Values, unknown, unknown>;
    // The caller says what the schema and `toInput` follow.
  }, deps);

  const { register, handleSubmit, formState } = useForm<Values, unknown, unknown>({ resolver, defaultValues });
  const { errors, isSubmitting, isSubmitSuccessful } = formState;

  const send = handleSubmit(async (input) => {
    setRefusal(null);
    try {
      await save(input);
    } catch (e) {
      // A refusal (409 a number or plate taken) stays in the dialog; the form is not marked a success.
      setRefusal(e);
      throw e;
    }
  });

  return {
    register,
    errors,
    refusal,
    /** On from the submit until the dialog closes, so a second click does not send again. */
    busy: isSubmitting || isSubmitSuccessful,
    submit: () => void send().catch(() => undefined),
  };
}
