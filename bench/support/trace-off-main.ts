/**
 * The page's work that a trace shows off its main thread but on the way to a painted frame
 * (bench/board-render-profile.ts): each script's parse on V8's background thread (a module cannot be
 * evaluated before it is parsed), and each frame's raster on the compositor's raster worker (Chromium
 * with `--disable-gpu` rasters tiles in software; the next frame, and so `board:rows-rendered`, waits for
 * the tiles the last one needs). Raster is summed by the frame it rasters (`sourceFrameNumber`) and by
 * composited layer, with its tiles: a first frame pays for every tile of every layer in view.
 */

/** A trace event as Chromium writes it (the fields read here). */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown> & { data?: Record<string, unknown> };
}

interface TileData {
  layerId: number;
  sourceFrameNumber: number;
}

/** One frame's raster: when its first tile started and its last ended, the time summed, by layer. */
export interface FrameRaster {
  frame: number;
  from: number;
  to: number;
  ms: number;
  tiles: number;
  layers: Map<number, { ms: number; tiles: number }>;
}

export function rasterByFrame(events: readonly TraceEvent[], pid: number): FrameRaster[] {
  const frames = new Map<number, FrameRaster>();
  for (const e of events) {
    if (e.pid !== pid || e.ph !== 'X' || e.name !== 'RasterTask' || e.dur === undefined) continue;
    const tile = e.args?.tileData as TileData | undefined;
    if (!tile) continue;
    let f = frames.get(tile.sourceFrameNumber);
    if (!f) frames.set(tile.sourceFrameNumber, (f = { frame: tile.sourceFrameNumber, from: e.ts, to: e.ts + e.dur, ms: 0, tiles: 0, layers: new Map() }));
    f.from = Math.min(f.from, e.ts);
    f.to = Math.max(f.to, e.ts + e.dur);
    f.ms += e.dur / 1000;
    f.tiles++;
    const layer = f.layers.get(tile.layerId) ?? { ms: 0, tiles: 0 };
    layer.ms += e.dur / 1000;
    layer.tiles++;
    f.layers.set(tile.layerId, layer);
  }
  return [...frames.values()].sort((a, b) => a.from - b.from);
}

/** Logs the background parses and the frames' raster from `t0` (navigation start) to `end`, in ms from `t0`. */
export function logOffMainThread(events: readonly TraceEvent[], pid: number, t0: number, end: number, log: (line: string) => void): void {
  const ms = (ts: number) => ((ts - t0) / 1000).toFixed(1);
  log('\noff the main thread: scripts parsed in the background (start +duration, script):');
  for (const e of events) {
    if (e.pid !== pid || e.ph !== 'X' || e.name !== 'v8.parseOnBackground' || e.ts < t0 || e.ts > end) continue;
    const url = String(e.args?.data?.url ?? '').replace(/^.*\//, '');
    log(`  ${ms(e.ts)} +${((e.dur ?? 0) / 1000).toFixed(1)}  ${url}`);
  }
  log('raster by frame (first tile started → last tile ended, raster time, tiles; by layer: ms/tiles, largest first):');
  for (const f of rasterByFrame(events, pid)) {
    if (f.to < t0 || f.from > end || f.ms < 1) continue;
    const layers = [...f.layers].sort((a, b) => b[1].ms - a[1].ms).slice(0, 6).map(([id, l]) => `L${id} ${l.ms.toFixed(1)}/${l.tiles}`);
    log(`  frame ${f.frame}: ${ms(f.from)} → ${ms(f.to)}, ${f.ms.toFixed(1)} ms, ${f.tiles} tiles  (${layers.join(', ')})`);
  }
}
