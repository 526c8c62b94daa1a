/**
 * What pino-roll (the host's rotating log file, core/logging.ts) takes from date-fns, and nothing
 * else. pino-roll asks for `require('date-fns')`, whose CommonJS index loads all ~300 of date-fns'
 * modules (~2.5 MB of heap, held for the server's life); the server and desk bundles alias
 * `date-fns` to this file for pino-roll (vite.server.config.ts, vite.electron.config.ts), so only
 * these five functions and what they use are bundled. Not imported by any code of ours.
 */
export { addDays } from 'date-fns/addDays';
export { addHours } from 'date-fns/addHours';
export { format } from 'date-fns/format';
export { isValid } from 'date-fns/isValid';
export { parse } from 'date-fns/parse';
