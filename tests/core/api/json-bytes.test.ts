/**
 * core/api/json-bytes.ts: the bytes are JSON.stringify's, in UTF-8, whatever the value holds and
 * however its long arrays fall into pieces.
 */
import { describe, expect, it } from 'vitest';
import { JSON_PIECE_ELEMENTS, jsonBytes } from '../../../core/api/json-bytes';

const same = (value: object) => expect(jsonBytes(value).toString('utf8')).toBe(JSON.stringify(value));

describe('jsonBytes', () => {
  it("writes the board's columns, longer than a piece, as JSON.stringify does, two-byte names and all", () => {
    const n = 3 * JSON_PIECE_ELEMENTS + 7;
    const names = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? `Søren Ærø ${i}` : i % 3 === 1 ? `Zoë "the" \\ ${i}\n` : `😀 ${i}`));
    const board = {
      from: '2026-05-01', to: '2026-07-30', today: '2026-05-01',
      rooms: [{ id: 1, number: 101, note: null }],
      stays: { id: Array.from({ length: n }, (_, i) => i + 1), guestName: names, checkin: Array.from({ length: n }, (_, i) => i % 90 - 30) },
      blocks: [],
      counts: { arrivals: 3, departures: 0, inHouse: 12 },
    };
    same(board);
    expect(jsonBytes(board).length).toBe(Buffer.byteLength(JSON.stringify(board)));
  });

  it('splits at every length around a piece the same: one short, exactly one, one over, exactly two', () => {
    for (const length of [0, 1, JSON_PIECE_ELEMENTS - 1, JSON_PIECE_ELEMENTS, JSON_PIECE_ELEMENTS + 1, 2 * JSON_PIECE_ELEMENTS]) {
      same({ a: Array.from({ length }, (_, i) => i) });
      same(Array.from({ length }, (_, i) => `x${i}`));
    }
  });

  it('leaves out what JSON.stringify leaves out of an object, and writes null where it does in an array', () => {
    const long = Array.from({ length: JSON_PIECE_ELEMENTS + 2 }, (_, i) => (i === 5 ? undefined : i === 6 ? (() => 1) : i === 7 ? Symbol('s') : i));
    same({ a: undefined, b: () => 1, c: Symbol('c'), d: null, e: long, f: [undefined, NaN, Infinity, -0] });
  });

  it("hands anything but plain objects and arrays to JSON.stringify whole: dates, toJSON, classes, maps, nested arrays", () => {
    class Point { constructor(public x: number, public y: number) {} }
    const nested = Array.from({ length: JSON_PIECE_ELEMENTS + 1 }, (_, i) => [i, { at: new Date(Date.UTC(2026, 0, 1 + (i % 28))) }]);
    same({ at: new Date(Date.UTC(2026, 4, 1)), own: { toJSON: () => 'mine' }, point: new Point(1, 2), map: new Map([[1, 2]]), nested, empty: {}, bare: Object.create(null) as object });
  });

  it('keeps the order of keys as JSON.stringify does, integer-like keys first', () => {
    same({ b: 1, 2: 'two', a: [1], 1: 'one' });
  });
});
