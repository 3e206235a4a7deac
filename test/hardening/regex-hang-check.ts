/**
 * Runs regular expressions against adversarial inputs in a worker thread, so a pattern
 * that backtracks catastrophically is detected (and the worker terminated) instead of
 * freezing the test run. The budget per pattern is tens of seconds for work that takes
 * milliseconds when linear: it detects hangs, it does not time anything.
 */
import { Worker } from 'node:worker_threads';

const WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ source, flags, inputs }) => {
  let re;
  try { re = new RegExp(source, flags); } catch (error) { parentPort.postMessage({ invalid: String(error) }); return; }
  for (const input of inputs) {
    re.lastIndex = 0;
    re.exec(input);
    if (re.global || re.sticky) { re.lastIndex = 0; input.replace(re, ''); }
    else input.split(re);
  }
  parentPort.postMessage({ ok: true });
});`;

export interface HangResult {
  readonly hung: boolean;
  readonly invalid: string | null;
}

export class RegexHangChecker {
  private worker: Worker | null = null;

  private ensure(): Worker {
    this.worker ??= new Worker(WORKER, { eval: true });
    return this.worker;
  }

  check(source: string, flags: string, inputs: readonly string[], budgetMs: number): Promise<HangResult> {
    const worker = this.ensure();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        worker.removeAllListeners('message');
        this.worker = null;
        void worker.terminate();
        resolve({ hung: true, invalid: null });
      }, budgetMs);
      worker.once('message', (message: { ok?: boolean; invalid?: string }) => {
        clearTimeout(timer);
        resolve({ hung: false, invalid: message.invalid ?? null });
      });
      worker.postMessage({ source, flags, inputs });
    });
  }

  async close(): Promise<void> {
    if (this.worker) await this.worker.terminate();
    this.worker = null;
  }
}
