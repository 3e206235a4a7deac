/**
 * A one-line progress display on stderr: records, records per second, MB of text and,
 * when the input size is known, the time left. Drawn only on a terminal, at most a few
 * times a second, so piping and logs stay clean.
 */
import type { RunProgress } from '../pipeline/run-analysis.js';

export interface ProgressDisplay {
  update(progress: RunProgress): void;
  done(): void;
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** `totalChars`: approximate size of the input text (from file sizes), for the ETA. */
export function createProgressDisplay(stderr: NodeJS.WritableStream, options: { enabled: boolean; totalChars: number | null }): ProgressDisplay {
  if (!options.enabled) return { update: () => {}, done: () => {} };
  const started = performance.now();
  let lastDraw = 0;
  let drawn = false;
  const draw = (progress: RunProgress, force: boolean): void => {
    const now = performance.now();
    if (!force && now - lastDraw < 200) return;
    lastDraw = now;
    const seconds = (now - started) / 1000;
    const rate = seconds > 0 ? progress.done / seconds : 0;
    const mb = progress.textChars / 1e6;
    let eta = '';
    if (options.totalChars && progress.textChars > 0) {
      const fraction = Math.min(1, progress.textChars / options.totalChars);
      const width = 24;
      const filled = Math.round(fraction * width);
      eta = ` [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(fraction * 100)}% ETA ${formatDuration(seconds / fraction - seconds)}`;
    }
    const failed = progress.failed ? ` · ${progress.failed} failed` : '';
    stderr.write(`\r\u001b[2Kframelens: ${progress.done} articles · ${rate.toFixed(0)}/s · ${mb.toFixed(1)} MB${failed}${eta}`);
    drawn = true;
  };
  return {
    update: (progress) => draw(progress, false),
    done: () => {
      if (drawn) stderr.write('\r\u001b[2K');
    },
  };
}
