/**
 * Block a room, or change a block: the room, the range of nights (first night → free again from), a
 * reason and the kind (blocked, or out of order). Opened from the board's toolbar, a room's menu, or
 * a block's own dialog. The host re-checks the room (a stay in the way is named in the refusal).
 */
import { useState } from 'react';
import { BLOCK_KINDS, type BlockKind } from '../../../shared/rules/stay-rules';
import { addDays, nightsBetween } from '../../../shared/time';
import type { BoardBlock } from '../../../shared/contract/board';
import type { MessageKey } from '../i18n/translate';
import { useT } from '../i18n/locale-store';
import { useBoardStore } from '../board/board-store';
import { hotelToday } from '../stores/hotel-store';
import { toast } from '../stores/toast-store';
import { Field } from '../ui/field';
import { FormDialog } from '../ui/form-dialog';
import { useFormSubmit } from '../ui/use-form-submit';
import { DateInput } from '../ui/date-input';

interface BlockFormProps {
  /** The block to change; none: a new block. */
  block?: BoardBlock;
  /** A new block's room (opened from that room's row). */
  roomId?: number;
  onClose(): void;
}

const validDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);

export function BlockFormDialog({ block, roomId: presetRoom, onClose }: BlockFormProps) {
  const t = useT();
  const rooms = useBoardStore((s) => s.board?.rooms) ?? [];
  const today = useBoardStore.getState().board?.today ?? hotelToday();
  const [roomId, setRoomId] = useState(String(block?.roomId ?? presetRoom ?? ''));
  const [from, setFrom] = useState(block?.fromDate ?? today);
  const [to, setTo] = useState(block?.toDate ?? addDays(today, 1));
  const [reason, setReason] = useState(block?.reason ?? '');
  const [kind, setKind] = useState<BlockKind>(block?.kind ?? 'blocked');

  const datesOk = validDate(from) && validDate(to) && nightsBetween(from, to) >= 1;
  const errors = {
    roomId: roomId ? null : t('block.roomRequired'),
    dates: datesOk ? null : t('block.datesInvalid'),
    reason: reason.trim() ? null : t('block.reasonRequired'),
  };
  const invalid = Object.values(errors).some(Boolean);
  const room = rooms.find((r) => String(r.id) === roomId);

  const { busy, error, submit, show: shown } = useFormSubmit(invalid, async () => {
    const input = { roomId: Number(roomId), from, to, reason: reason.trim(), kind };
    const saved = block ? await useBoardStore.getState().updateBlock({ id: block.id, ...input }) : await useBoardStore.getState().createBlock(input);
    toast('success', t(block ? 'block.changed' : 'block.created', { room: saved.roomNumber }));
    onClose();
  });

  return (
    <FormDialog
      title={block ? t('block.editTitle', { room: room?.number ?? '' }) : t('block.newTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      size="sm"
      testId="block-form"
      busy={busy}
      error={error}
      errorTestId="block-form-error"
      submitTestId="block-save"
      submitLabel={t('block.save')}
    >
      <Field label={t('block.room')} wide error={shown(errors.roomId)}>
        <select className="input" value={roomId} onChange={(e) => setRoomId(e.target.value)} data-testid="block-room">
          <option value="">{t('booking.pickRoom')}</option>
          {[...rooms]
            .sort((a, b) => a.number - b.number)
            .map((r) => (
              <option key={r.id} value={r.id}>
                {r.number} · {r.category}
              </option>
            ))}
        </select>
      </Field>
      <Field label={t('block.from')} error={shown(errors.dates)}>
        <DateInput value={from} onChange={setFrom} testId="block-from" />
      </Field>
      <Field label={t('block.to')}>
        <DateInput value={to} min={from} onChange={setTo} testId="block-to" />
      </Field>
      <Field label={t('block.reason')} wide error={shown(errors.reason)}>
        <input className="input" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} data-autofocus autoComplete="off" data-testid="block-reason" />
      </Field>
      <Field label={t('block.kind')} wide>
        <select className="input" value={kind} onChange={(e) => setKind(e.target.value as BlockKind)} data-testid="block-kind">
          {BLOCK_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`block.kind.${k}` as MessageKey)}
            </option>
          ))}
        </select>
      </Field>
    </FormDialog>
  );
}
