/** A room block (maintenance, out of order): what and when, and removing it. */
import type { BoardBlock } from '../../../shared/contract/board';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { useBoardStore } from '../board/board-store';
import { toast } from '../stores/toast-store';
import { useUiStore } from '../stores/ui-store';
import { Dialog } from '../ui/dialog';
import { ErrorAlert } from '../ui/error-alert';
import { useFormSubmit } from '../ui/use-form-submit';

export function BlockDialog({ block, roomNumber, onClose }: { block: BoardBlock; roomNumber: number; onClose(): void }) {
  const t = useT();
  const f = useFormats();
  const { busy, error, submit: remove } = useFormSubmit(false, async () => {
    await useBoardStore.getState().removeBlock(block.id);
    toast('success', t('block.removed', { room: roomNumber }));
    onClose();
  });

  return (
    <Dialog
      title={t('block.title', { room: roomNumber })}
      onClose={onClose}
      size="sm"
      testId="block-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.close')}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => useUiStore.getState().open({ kind: 'blockForm', block })} data-testid="block-edit">
            {t('block.edit')}
          </button>
          <button type="button" className="button button-danger" disabled={busy} onClick={() => void remove()} data-testid="block-remove">
            {t('block.remove')}
          </button>
        </>
      }
    >
      <ErrorAlert error={error} />
      <dl className="facts facts-single">
        <div className="fact">
          <dt>{t('block.reason')}</dt>
          <dd>{block.reason}</dd>
        </div>
        <div className="fact">
          <dt>{t('block.kind')}</dt>
          <dd data-testid="block-kind-shown">{t(block.kind === 'out_of_order' ? 'block.kind.out_of_order' : 'block.kind.blocked')}</dd>
        </div>
        <div className="fact">
          <dt>{t('block.period')}</dt>
          <dd>
            {f.longDate(block.fromDate)} → {f.longDate(block.toDate)}
          </dd>
        </div>
      </dl>
    </Dialog>
  );
}
