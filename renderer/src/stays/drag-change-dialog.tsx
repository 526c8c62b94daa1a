/**
 * The end of a drag on the board (issue 10 item 11): "Move Mette Hansen to room 206?" or "New dates
 * for Mette Hansen: 3 – 7 Jun?", with the price now and the keep / reprice question when the price
 * would change (price-choice.tsx). Confirming sends `stays:move` or `stays:changeDates`, which re-check
 * the room atomically; a refusal (a conflict names the stay in the way) shows here and nothing changes.
 */
import { useEffect, useState } from 'react';
import type { PricingChoice, Stay } from '../../../shared/contract/stays';
import { useBoardStore } from '../board/board-store';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { toast } from '../stores/toast-store';
import { CancelSubmit } from '../ui/cancel-submit';
import { Dialog } from '../ui/dialog';
import { ErrorAlert } from '../ui/error-alert';
import { PriceChoice, pricingToSend, useQuote } from './price-choice';
import { useStaysStore } from './stays-store';

export interface DragChange {
  stayId: number;
  roomId?: number;
  checkin?: string;
  checkout?: string;
}

export function DragChangeDialog({ change, onClose }: { change: DragChange; onClose(): void }) {
  const t = useT();
  const f = useFormats();
  const [stay, setStay] = useState<Stay | null>(null);
  const [choice, setChoice] = useState<PricingChoice | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const isMove = change.roomId !== undefined;
  const toRoom = useBoardStore((s) => (change.roomId === undefined ? undefined : s.board?.rooms.find((r) => r.id === change.roomId)));
  const quote = useQuote(
    isMove ? { id: change.stayId, roomId: change.roomId } : { id: change.stayId, checkin: change.checkin, checkout: change.checkout },
  );
  const pricing = pricingToSend(quote.quote, choice);

  useEffect(() => {
    let live = true;
    useStaysStore
      .getState()
      .fetchStay(change.stayId)
      .then((s) => live && setStay(s))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [change.stayId]);

  const submit = async () => {
    if (!stay || !pricing || busy) return;
    setBusy(true);
    setError(null);
    try {
      const s = isMove
        ? await useStaysStore.getState().move(stay.id, change.roomId!, pricing)
        : await useStaysStore.getState().changeDates({ id: stay.id, checkin: change.checkin!, checkout: change.checkout!, pricing });
      toast('success', isMove ? t('stay.done.move', { name: s.guestName, room: s.roomNumber }) : t('stay.done.dates', { name: s.guestName }));
      onClose();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  const name = stay?.guestName ?? `#${change.stayId}`;
  const title = isMove
    ? t('drag.moveTo', { name, room: toRoom?.number ?? quote.quote?.proposed.roomNumber ?? '' })
    : t('drag.datesTo', { name, from: f.shortDate(change.checkin ?? ''), to: f.shortDate(change.checkout ?? '') });

  return (
    <Dialog
      title={title}
      onClose={onClose}
      onSubmit={() => void submit()}
      testId="drag-change-dialog"
      footer={<CancelSubmit onCancel={onClose} busy={busy} submitLabel={t('drag.confirm')} submitTestId="drag-change-submit" disabled={!stay || !pricing} />}
    >
      <ErrorAlert error={error} />
      <PriceChoice quote={quote} choice={choice} onChoose={setChoice} />
    </Dialog>
  );
}
