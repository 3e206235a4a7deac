/**
 * Citations of state media without a name: "according to Syrian state media",
 * "Iran's state TV reported", "state-run news agency". The country comes from the word
 * before (a demonym or a possessive country name); these are always citations.
 *
 * The demonym table is short on purpose: the countries whose state media English
 * news cites by nationality. Anything else is still found, with country null.
 */
import type { RawCredit } from './detect-credits.js';
import type { PhraseMatch } from './phrases.js';
import { wordsBefore } from './words.js';

const DEMONYMS: Readonly<Record<string, string>> = {
  iranian: 'Iran', iran: 'Iran', russian: 'Russia', russia: 'Russia', chinese: 'China', china: 'China', syrian: 'Syria', syria: 'Syria',
  iraqi: 'Iraq', iraq: 'Iraq', turkish: 'Turkey', turkey: 'Turkey', saudi: 'Saudi Arabia', egyptian: 'Egypt', egypt: 'Egypt',
  'north korean': 'North Korea', 'north korea': 'North Korea', korean: 'North Korea', belarusian: 'Belarus', belarus: 'Belarus',
  venezuelan: 'Venezuela', venezuela: 'Venezuela', cuban: 'Cuba', cuba: 'Cuba', qatari: 'Qatar', qatar: 'Qatar',
  emirati: 'United Arab Emirates', lebanese: 'Lebanon', jordanian: 'Jordan', israeli: 'Israel', israel: 'Israel',
  palestinian: 'Palestinian territories', yemeni: 'Yemen', libyan: 'Libya', algerian: 'Algeria', moroccan: 'Morocco',
  tunisian: 'Tunisia', sudanese: 'Sudan', ethiopian: 'Ethiopia', eritrean: 'Eritrea', vietnamese: 'Vietnam', vietnam: 'Vietnam',
  laotian: 'Laos', cambodian: 'Cambodia', burmese: 'Myanmar', myanmar: 'Myanmar', thai: 'Thailand', pakistani: 'Pakistan',
  afghan: 'Afghanistan', azerbaijani: 'Azerbaijan', kazakh: 'Kazakhstan', uzbek: 'Uzbekistan', turkmen: 'Turkmenistan',
  tajik: 'Tajikistan', kyrgyz: 'Kyrgyzstan', armenian: 'Armenia', georgian: 'Georgia', ukrainian: 'Ukraine', ukraine: 'Ukraine',
  serbian: 'Serbia', hungarian: 'Hungary', nicaraguan: 'Nicaragua', bahraini: 'Bahrain', kuwaiti: 'Kuwait', omani: 'Oman',
  rwandan: 'Rwanda', zimbabwean: 'Zimbabwe', kenyan: 'Kenya', nigerian: 'Nigeria', indian: 'India', japanese: 'Japan',
};

/** `phrases` are the state-media phrases of `text` ("state media", "state-run television"), from `findProvenancePhrases`. */
export function findStateMediaCitations(text: string, phrases: readonly PhraseMatch[]): RawCredit[] {
  const credits: RawCredit[] = [];
  for (const m of phrases) {
    let start = m.start;
    const end = m.end;
    // "head of state television appearances": "of state" is not state media.
    const before = wordsBefore(text, start, Math.max(0, start - 60), 3);
    const w0 = before[0];
    if (w0 && (w0.norm === 'of' || (w0.norm === 'the' && before[1]?.norm === 'of'))) continue;
    let country: string | null = null;
    // Skip "official" and "the": "Iran's official state news agency".
    let k = 0;
    while (k < before.length && (before[k]?.norm === 'official' || before[k]?.norm === 'semi-official')) k++;
    const word = before[k];
    if (word) {
      const base = word.norm.endsWith("'s") ? word.norm.slice(0, -2) : word.norm;
      const two = before[k + 1] ? `${before[k + 1]?.norm} ${base}` : '';
      const capitalised = text.charCodeAt(word.start) >= 65 && text.charCodeAt(word.start) <= 90;
      if (capitalised && two && DEMONYMS[two]) {
        country = DEMONYMS[two] ?? null;
        start = (before[k + 1] as { start: number }).start;
      } else if (capitalised && DEMONYMS[base]) {
        country = DEMONYMS[base] ?? null;
        start = word.start;
      }
    }
    credits.push({ kind: 'citation', start, end, entry: null, country, stateAffiliated: true, via: 'state-media-phrase' });
  }
  return credits;
}
