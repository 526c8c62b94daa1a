/** The main screen: toolbar, today's counts, the tape chart and its legend. */
import { memo, useEffect } from 'react';
import { useT } from '../i18n/locale-store';
import { useBoardStore } from './board-store';
import { refreshSoon } from '../stores/refreshers';
import { useUiStore } from '../stores/ui-store';
import { ErrorAlert } from '../ui/error-alert';
import { whenIdle } from '../ui/when-idle';
import { BoardCounts } from './board-counts';
import { BoardGrid } from './board-grid';
import { BoardLegend } from './board-legend';
import { barCharWidths } from './board-room-row';
import { BoardToolbar } from './board-toolbar';
import { Page } from '../ui/page';

/** Whether the desk has gone to another screen since the page opened on the board. */
let leftBoard = false;

/** Memoised: it reads its own stores, and the shell re-rendering (the session's user arriving) need not redraw the board. */
export const FrontDeskBoard = memo(function FrontDeskBoard() {
  const t = useT();
  const board = useBoardStore((s) => s.board);
  const rows = useBoardStore((s) => s.rows);
  const lanes = useBoardStore((s) => s.lanes);
  const error = useBoardStore((s) => s.error);

  useEffect(() => {
    // Coming back from an admin screen: show what changed meanwhile. Not on the page's first
    // board, which the boot script's early request may have brought before this first mount.
    if (leftBoard) refreshSoon('board');
    const cancel = useBoardStore.getState().board ? undefined : whenIdle(barCharWidths, 1000);
    return () => {
      cancel?.();
      if (useUiStore.getState().screen !== 'board') leftBoard = true;
    };
  }, []);

  return (
    <Page layout="full" titleId="board-title" title={t('board.title')} testId="board" className="board-screen">
      <BoardToolbar />
      {board ? <BoardCounts board={board} /> : null}
      {error && !board ? (
        <div className="panel panel-center">
          <ErrorAlert error={error} testId="board-error" />
          <button type="button" className="button" onClick={() => void useBoardStore.getState().load().catch(() => undefined)}>
            {t('common.refresh')}
          </button>
        </div>
      ) : !board ? (
        <div className="panel panel-center muted">{t('common.loading')}</div>
      ) : board.rooms.length === 0 ? (
        <div className="panel panel-center muted" data-testid="board-empty">
          {t('board.empty')}
        </div>
      ) : (
        <BoardGrid board={board} rows={rows} lanes={lanes} />
      )}
      <BoardLegend />
    </Page>
  );
});
