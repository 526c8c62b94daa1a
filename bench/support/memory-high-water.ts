/**
 * The kernel's high-water mark of this process's resident memory. Not `process.resourceUsage().maxRSS`:
 * Linux carries getrusage's maxrss across exec, so a forked child reports at least the RSS its parent
 * (the benchmark, ~150–400 MB) had when it forked. VmHWM belongs to this process image alone.
 */
import { existsSync, readFileSync } from 'node:fs';

export function highWaterMarkBytes(): number {
  if (!existsSync('/proc/self/status')) return process.resourceUsage().maxRSS * 1024;
  const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) * 1024 : process.resourceUsage().maxRSS * 1024;
}
