/** The types of build-if-stale.mjs (plain JS, run by `npm run serve` before any install of tsx matters). */
export interface BuildTarget {
  name: string;
  script: string;
  sources: string[];
  built: string[];
}
export declare const TARGETS: BuildTarget[];
