/** Short messages in a corner: confirmations, and errors from work nobody is waiting on. */
import { create } from 'zustand';
import { errorText } from '../i18n/error-text';
import { currentT } from '../i18n/lang-store';

export type ToastTone = 'success' | 'info' | 'error';

export interface Toast {
  id: number;
  tone: ToastTone;
  text: string;
}

interface ToastState {
  toasts: Toast[];
  push(tone: ToastTone, text: string): void;
  dismiss(id: number): void;
}

let nextId = 1;
const LIFETIME_MS: Record<ToastTone, number> = { success: 4000, info: 5000, error: 9000 };
const MAX_TOASTS = 4;

export const useToastStore = create<ToastState>((set, get) => ({
  toasts: [],
  push(tone, text) {
    const id = nextId++;
    set({ toasts: [...get().toasts.filter((t) => t.text !== text), { id, tone, text }].slice(-MAX_TOASTS) });
    setTimeout(() => get().dismiss(id), LIFETIME_MS[tone]);
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
}));

export function toast(tone: ToastTone, text: string): void {
  useToastStore.getState().push(tone, text);
}

/**
 * A failure of work nobody waits on, as a toast. Not a 401: the session has ended, and the sign-in
 * screen says so.
 */
export function reportBackgroundError(e: unknown): void {
  if ((e as { status?: unknown } | null)?.status === 401) return;
  const t = currentT();
  toast('error', t('error.background', { message: errorText(e, t) }));
}
