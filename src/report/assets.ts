/** Chart.js, read once from the installed package and inlined (or copied) into reports. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let chartJs: string | null = null;

/** The standalone browser build; it is not in chart.js's exports map, so read it next to the entry. */
export function chartJsSource(): string {
  if (chartJs === null) {
    const entry = createRequire(import.meta.url).resolve('chart.js');
    // Drop the source-map comment: a report must not point anywhere outside itself.
    chartJs = readFileSync(join(dirname(entry), 'chart.umd.min.js'), 'utf8').replace(/\n?\/\/# sourceMappingURL=\S*\s*$/u, '\n');
  }
  return chartJs;
}
