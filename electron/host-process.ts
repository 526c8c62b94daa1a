/**
 * Entry of the desk's host process (built to dist-electron/host.cjs; started by main with
 * `utilityProcess.fork`, see host-client.ts). Everything it does lives in host-runner.ts.
 */
// First, before the host's modules load: their start-up runs without V8's optimizing compiler.
import './host-start-up';
import { runHostProcess } from './host-runner';
import { hostPort } from './parent-port';

runHostProcess(hostPort());
