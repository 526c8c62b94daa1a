/** A row's button that takes it out of use, or brings it back (rooms, users, stock, appointment setup). */
interface ActiveToggleProps {
  active: boolean;
  busy: boolean;
  onClick(): void;
  testId: string;
  /** What the button says on a row in use. */
  deactivateLabel: string;
  /** What it says on a row out of use. */
  reactivateLabel: string;
}

export function ActiveToggle({ active, busy, onClick, testId, deactivateLabel, reactivateLabel }: ActiveToggleProps) {
  return (
    <button type="button" className={`button button-small${active ? ' button-quiet-danger' : ''}`} disabled={busy} onClick={onClick} data-testid={testId}>
      {active ? deactivateLabel : reactivateLabel}
    </button>
  );
}
