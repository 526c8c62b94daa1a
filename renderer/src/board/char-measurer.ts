/**
 * Character widths in one CSS font for cutting bar labels (bar-label.ts), measured once each with a
 * canvas (the page's own text engine) and remembered: labels are a few dozen distinct characters,
 * however many bars there are.
 */
export function charMeasurer(font: string): (ch: string) => number {
  const context = document.createElement('canvas').getContext('2d');
  const widths = new Map<string, number>();
  if (context) context.font = font;
  return (ch) => {
    let width = widths.get(ch);
    if (width === undefined) {
      // Without a canvas, a generous guess for a 12 px font.
      width = context ? context.measureText(ch).width : 8;
      widths.set(ch, width);
    }
    return width;
  };
}
