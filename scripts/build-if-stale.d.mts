/** The types of build-if-stale.mjs, which stays plain JS: `npm run serve` runs it with bare Node before anything is built. */
export interface BuildTarget {
  name: string;
  script: string;
  sources: string[];
  built: string[];
}
export declare const TARGETS: BuildTarget[];
/** Newest modification time (ms) of a file, or of any file under a folder (node_modules and dot-entries left out); 0 when it does not exist. */
export declare function newestMtime(path: string): number;
