import { describe, expect, it } from 'vitest';
import { ELLIPSIS, fitLabel } from '../../../renderer/src/board/bar-label';

/** 7 px for every character, the ellipsis too: widths are easy to count. */
const sevenPx = () => 7;

describe('fitLabel', () => {
  it('keeps a label that fits whole', () => {
    expect(fitLabel('Ida', 21, sevenPx)).toBe('Ida');
    expect(fitLabel('Ida', 50, sevenPx)).toBe('Ida');
  });

  it('cuts a long label to the longest start that fits with an ellipsis', () => {
    expect(fitLabel('Frederikke', 50, sevenPx)).toBe(`Freder${ELLIPSIS}`);
    expect(fitLabel('Frederikke', 69, sevenPx)).toBe(`Frederik${ELLIPSIS}`);
    expect(fitLabel('Frederikke', 70, sevenPx)).toBe('Frederikke');
  });

  it('never ends a cut in a space', () => {
    expect(fitLabel('Ida Holm', 35, sevenPx)).toBe(`Ida${ELLIPSIS}`);
  });

  it('shows the first letter alone in a bar too narrow for a letter and the ellipsis, else nothing', () => {
    expect(fitLabel('Marie', 10, sevenPx)).toBe('M');
    expect(fitLabel('Marie', 6, sevenPx)).toBe('');
    expect(fitLabel('Marie', 0, sevenPx)).toBe('');
  });

  it('measures with the given widths, character by character', () => {
    const wide = (ch: string) => (ch === 'W' ? 14 : 7);
    expect(fitLabel('WWWW', 42, wide)).toBe(`WW${ELLIPSIS}`);
    expect(fitLabel('iiii', 28, wide)).toBe('iiii');
  });

  it('counts and cuts whole characters, so an emoji is never split', () => {
    expect(fitLabel('Bo 🙂🙂🙂', 42, sevenPx)).toBe('Bo 🙂🙂🙂');
    expect(fitLabel('Bo 🙂🙂🙂', 35, sevenPx)).toBe(`Bo 🙂${ELLIPSIS}`);
    expect(fitLabel('🙂 Bo', 10, sevenPx)).toBe('🙂');
  });
});
