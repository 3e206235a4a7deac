/**
 * Child process of `npm run bench`: streams one JSONL file through the same pipeline as
 * `framelens analyze` (output discarded) and prints its time and peak RSS as JSON.
 * A process of its own, so the peak RSS measured is the pipeline's alone.
 */
import { analyzeInputBatches } from '../pipeline/run-analysis.js';
import { threadCpuSeconds } from './thread-cpu.js';

const [file, workers] = process.argv.slice(2);
const started = performance.now();
let records = 0;
for await (const batch of analyzeInputBatches([file ?? ''], { workers: Number(workers ?? '1') })) records += batch.ok.length;
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage();
// CPU of every thread of the process: the workers, the main thread and V8's own (compiler, GC).
process.stdout.write(`${JSON.stringify({ seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, records, maxRssMb: process.resourceUsage().maxRSS / 1024, mainThreadCpuSeconds: threadCpuSeconds() })}\n`);
