/**
 * File names for article pages, made from article ids that may contain anything: the
 * result is a plain name inside the output folder (no separators, no `..`, no reserved
 * Windows device names), unique case-insensitively, and the same for the same input order.
 */

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/iu;
const MAX_STEM = 80;

/** Cuts leading and trailing dots, dashes and underscores with a loop: `/[._-]+$/` is quadratic on long inner runs. */
function trimSeparators(text: string): string {
  const isSeparator = (code: number): boolean => code === 0x2e || code === 0x5f || code === 0x2d;
  let start = 0;
  let end = text.length;
  while (start < end && isSeparator(text.charCodeAt(start))) start++;
  while (end > start && isSeparator(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

export function sanitizeStem(id: string): string {
  // Only the first stretch of a huge id can end up in the name: cut before the regexes run.
  let stem = trimSeparators(
    id
      .slice(0, MAX_STEM * 4)
      .normalize('NFKC')
      .replace(/[^A-Za-z0-9._-]+/gu, '_')
      .replace(/\.{2,}/gu, '.'),
  );
  if (stem.length > MAX_STEM) stem = trimSeparators(stem.slice(0, MAX_STEM));
  if (!stem) stem = 'article';
  const base = stem.split('.')[0] ?? stem;
  if (RESERVED.test(base)) stem = `_${stem}`;
  return stem;
}

/** Hands out unique `<stem>.html` names in call order; collisions get `-2`, `-3`, … */
export function createNameAllocator(): (id: string) => string {
  const used = new Set<string>();
  return (id) => {
    const stem = sanitizeStem(id);
    let name = `${stem}.html`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem}-${n}.html`;
    used.add(name.toLowerCase());
    return name;
  };
}
