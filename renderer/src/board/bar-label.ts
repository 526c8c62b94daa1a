/**
 * A bar's label, cut to fit its bar with an ellipsis. The board cuts labels itself instead of
 * letting CSS do it (`text-overflow` needs `overflow: hidden`): a clip per bar is a paint chunk of
 * its own, and a few hundred of them made every frame of scrolling slow to layerize.
 */

export const ELLIPSIS = '…';

/**
 * The longest start of `text` that fits `maxWidth` px with an ellipsis after it: the whole text when
 * it fits; in a bar too narrow for one letter and the ellipsis, the first letter alone (a one-night
 * stay still shows whose it is), or nothing. A cut never ends in a space. Widths are the sum of the
 * characters' widths (`charWidth`), so kerning is left out: a label may come out a pixel or two
 * wider than measured, which the bar's right padding takes. E.g. at 7 px per character (the
 * ellipsis too) in 50 px: "Ida" (21 px) stays whole, "Frederikke" (70 px) becomes "Freder…"
 * (49 px); in 35 px "Ida Holm" becomes "Ida…"; in 10 px, "I".
 */
export function fitLabel(text: string, maxWidth: number, charWidth: (ch: string) => number): string {
  if (!text || maxWidth <= 0) return '';
  let total = 0;
  for (const ch of text) total += charWidth(ch);
  if (total <= maxWidth) return text;
  const room = maxWidth - charWidth(ELLIPSIS);
  let head = '';
  let width = 0;
  for (const ch of text) {
    width += charWidth(ch);
    if (width > room) break;
    head += ch;
  }
  head = head.trimEnd();
  if (head) return head + ELLIPSIS;
  const first = String.fromCodePoint(text.codePointAt(0)!);
  return charWidth(first) <= maxWidth ? first : '';
}
