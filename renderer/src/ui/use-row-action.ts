/**
 * A list's row actions (take out of use, repair, return, retry…): which row is being worked on (its
 * buttons stay disabled meanwhile), what was done said in a success toast, a refusal in an error
 * toast. `done` is the message, or makes it from what the action answered.
 */
import { useState } from 'react';
import { errorText } from '../i18n/error-text';
import { useT } from '../i18n/locale-store';
import { toast } from '../stores/toast-store';

export function useRowAction<Key extends string | number>() {
  const t = useT();
  const [busyKey, setBusyKey] = useState<Key | null>(null);
  const run = async <R>(key: Key, action: () => Promise<R>, done: string | ((result: R) => string)) => {
    setBusyKey(key);
    try {
      const result = await action();
      toast('success', typeof done === 'string' ? done : done(result));
    } catch (e) {
      toast('error', errorText(e, t));
    } finally {
      setBusyKey(null);
    }
  };
  return { busyKey, run };
}
