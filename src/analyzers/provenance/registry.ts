/**
 * The outlet registry compiled for look-ups: names for running text, names for outlet
 * fields (which may also use the ambiguous ones), and domains. Built once per lexicon set.
 */
import type { Lexicon } from '../../lexicon/file.js';
import type { OutletsEntry } from '../../lexicon/kinds/outlets.js';
import { compileNameMatcher, nameKey, type NameMatcher, type NameRegistration } from './names.js';

export interface CompiledRegistry {
  readonly entries: readonly OutletsEntry[];
  /** Names and aliases, for running text. */
  readonly text: NameMatcher;
  /** Names, aliases and ambiguous names, for outlet fields of the input. */
  readonly field: NameMatcher;
  /** The entry whose domain is `host` or a parent of it (`money.cnn.com` → `cnn.com`). */
  byHost(host: string): OutletsEntry | null;
  /** Citation of the entry's classification source (from the lexicon's `sources`). */
  citationOf(entry: OutletsEntry): string;
}

export function compileRegistry(lexicon: Lexicon<OutletsEntry>): CompiledRegistry {
  const entries = lexicon.entries;
  const textNames: NameRegistration[] = [];
  const fieldNames: NameRegistration[] = [];
  const domains = new Map<string, number>();
  entries.forEach((entry, value) => {
    // An entry's own name may itself be ambiguous ("Today", "NBC" in Namibia): then fields only.
    const ambiguous = new Set(entry.ambiguousNames.map(nameKey));
    if (ambiguous.has(nameKey(entry.name))) fieldNames.push({ name: entry.name, value, priority: 2 });
    else textNames.push({ name: entry.name, value, priority: 0 });
    for (const alias of entry.aliases) textNames.push({ name: alias, value, priority: 1 });
    for (const domain of entry.domains) if (!domains.has(domain)) domains.set(domain, value);
  });
  fieldNames.unshift(...textNames);
  entries.forEach((entry, value) => {
    for (const name of entry.ambiguousNames) fieldNames.push({ name, value, priority: 2 });
  });
  const citations = new Map(lexicon.sources.map((s) => [s.id, s.url ? `${s.citation} (${s.url})` : s.citation]));
  return {
    entries,
    text: compileNameMatcher(textNames),
    field: compileNameMatcher(fieldNames),
    byHost(host) {
      let h = host.toLowerCase().replace(/^www\d?\./, '').replace(/\.$/, '');
      for (;;) {
        const index = domains.get(h);
        if (index !== undefined) return entries[index] ?? null;
        const dot = h.indexOf('.');
        if (dot < 0 || h.indexOf('.', dot + 1) < 0) return null;
        h = h.slice(dot + 1);
      }
    },
    citationOf(entry) {
      return citations.get(entry.source) ?? entry.source;
    },
  };
}

/** The host of a URL or bare domain (`https://www.cnn.com/x` → `cnn.com`), or null. */
export function hostOf(url: string): string | null {
  const trimmed = url.trim();
  if (!trimmed) return null;
  try {
    const parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    const host = parsed.hostname.toLowerCase().replace(/^www\d?\./, '');
    return host.includes('.') ? host : null;
  } catch {
    return null;
  }
}
