/** The types of build-if-stale.mjs, which stays plain JS: `npm run serve` runs it with bare Node before anything is built. */
export interface BuildTarget {
  name: string;
  script: string;
  sources: string[];
  built: string[];
}
export declare const TARGETS: BuildTarget[];
