/**
 * Writing a report folder: every file is written under a temporary name and renamed, so
 * a partial file never looks complete; index.html is written last, so a report with an
 * index is a finished report. An existing report is never overwritten without --force.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../cli/io.js';

export interface ReportFolder {
  readonly dir: string;
  /** Writes `name` (a relative path inside the folder) atomically. */
  write(name: string, content: string): void;
}

/** Refuses to overwrite an earlier report unless forced: its index or its article pages. */
export function checkReportFolder(dir: string, force: boolean): void {
  if (force || !existsSync(dir)) return;
  const existing = ['index.html', 'articles'].filter((name) => {
    const path = join(dir, name);
    if (!existsSync(path)) return false;
    return name !== 'articles' || readdirSync(path).length > 0;
  });
  if (existing.length) {
    throw new UsageError(`${dir} already holds a report (${existing.join(', ')}); pass --force to overwrite it, or choose another -o folder`);
  }
}

export function openReportFolder(dir: string): ReportFolder {
  const root = resolve(dir);
  mkdirSync(root, { recursive: true });
  const made = new Set<string>([root]);
  return {
    dir: root,
    write(name, content) {
      const path = resolve(root, name);
      // Names are sanitised upstream; this is the last line of defence.
      const rel = relative(root, path);
      if (!rel || rel.startsWith('..') || rel.split(sep).includes('..') || resolve(root, rel) !== path) throw new Error(`refusing to write outside the report folder: ${name}`);
      const parent = dirname(path);
      if (!made.has(parent)) {
        mkdirSync(parent, { recursive: true });
        made.add(parent);
      }
      const temp = join(parent, `.${basename(path)}.partial`);
      writeFileSync(temp, content);
      renameSync(temp, path);
    },
  };
}
