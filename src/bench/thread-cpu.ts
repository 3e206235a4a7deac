/**
 * CPU time of the calling thread alone. `process.cpuUsage()` sums every thread of the
 * process: the analysis, but also V8's background threads, which compile the hot code
 * and help collect garbage. Telling the two apart shows what each worker thread pays
 * again (its own compiled code) and what the main thread spends feeding the workers.
 *
 * Node 20 has no per-thread CPU clock, so this reads Linux's /proc; elsewhere it is null
 * and the bench leaves the split out. /proc/thread-self/schedstat counts nanoseconds, which
 * times a chunk of a tenth of a second; the stat file's ticks of 10 ms are the fallback.
 */
import { readFileSync } from 'node:fs';

/** Linux reports thread times in clock ticks of 1/100 s (USER_HZ, fixed at 100 on every common kernel). */
const TICKS_PER_SECOND = 100;

/**
 * User plus system CPU seconds from a /proc/<pid>/task/<tid>/stat line, or null when the
 * line does not have them. The thread's name (second field) is in parentheses and may hold
 * spaces and parentheses itself, so fields are counted from the last ")".
 */
export function parseThreadStat(stat: string): number | null {
  const nameEnd = stat.lastIndexOf(')');
  if (nameEnd < 0) return null;
  // After the name: state (field 3) … utime (field 14) and stime (field 15).
  const fields = stat.slice(nameEnd + 2).split(' ');
  const user = Number(fields[11]);
  const system = Number(fields[12]);
  if (fields.length < 13 || !Number.isInteger(user) || !Number.isInteger(system)) return null;
  return (user + system) / TICKS_PER_SECOND;
}

/**
 * CPU seconds from a /proc/<pid>/task/<tid>/schedstat line ("<ns on CPU> <ns waiting>
 * <time slices>"), or null when the first field is not a count.
 */
export function parseSchedstat(schedstat: string): number | null {
  const onCpu = schedstat.split(' ', 1)[0] ?? '';
  return /^\d+$/.test(onCpu) ? Number(onCpu) / 1e9 : null;
}

function readProc(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** CPU seconds used so far by the calling thread; null where /proc is not available. */
export function threadCpuSeconds(): number | null {
  const schedstat = readProc('/proc/thread-self/schedstat');
  const precise = schedstat === null ? null : parseSchedstat(schedstat);
  if (precise !== null) return precise;
  const stat = readProc('/proc/thread-self/stat');
  return stat === null ? null : parseThreadStat(stat);
}
