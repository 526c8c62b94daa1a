/**
 * The small menu that opens from a room's housekeeping badge: four states, arrow keys and Enter,
 * Escape or a click outside closes it.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { HOUSEKEEPING_STATES, type Housekeeping, type Room } from '../../../shared/contract/rooms';
import { errorText } from '../i18n/error-text';
import { useT } from '../i18n/locale-store';
import { useRoomsStore } from '../rooms/rooms-store';
import { toast } from '../stores/toast-store';
import { useUiStore } from '../stores/ui-store';

interface HousekeepingMenuProps {
  room: Room;
  anchor: { left: number; top: number };
  onClose(): void;
}

export function HousekeepingMenu({ room, anchor, onClose }: HousekeepingMenuProps) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const current = ref.current?.querySelector<HTMLButtonElement>(`[data-state="${room.housekeeping}"]`);
    current?.focus();
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [room.housekeeping, onClose]);

  const choose = async (state: Housekeeping) => {
    if (state === room.housekeeping) return onClose();
    setBusy(true);
    try {
      await useRoomsStore.getState().setHousekeeping(room.id, state);
      toast('success', t('hk.saved', { room: room.number, state: t(`hk.${state}`).toLowerCase() }));
      onClose();
    } catch (e) {
      toast('error', errorText(e, t));
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    }
  };

  return (
    <div
      ref={ref}
      className="menu"
      role="menu"
      aria-label={t('hk.label')}
      style={{ left: anchor.left, top: anchor.top }}
      onKeyDown={onKeyDown}
      data-testid="hk-menu"
    >
      {HOUSEKEEPING_STATES.map((state) => (
        <button
          key={state}
          type="button"
          role="menuitemradio"
          aria-checked={state === room.housekeeping}
          data-state={state}
          data-testid={`hk-option-${state}`}
          disabled={busy}
          className="menu-item"
          onClick={() => void choose(state)}
        >
          <span className={`hk-dot hk-${state}`} aria-hidden="true" />
          {t(`hk.${state}`)}
        </button>
      ))}
      <button
        type="button"
        role="menuitem"
        className="menu-item menu-item-separated"
        data-testid="hk-block-room"
        onClick={() => {
          onClose();
          useUiStore.getState().open({ kind: 'blockForm', roomId: room.id });
        }}
      >
        {t('block.new')}…
      </button>
    </div>
  );
}
