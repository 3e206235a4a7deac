/** Colours used by charts and highlights; each use is named in a legend on the page. */
export const VOICE_COLOURS: Readonly<Record<string, string>> = {
  headline: '#8a2a1c',
  narration: '#d9735b',
  scare: '#b39ddb',
  quoted: '#2f5d8a',
  reported: '#7fa7cf',
};

export const VOICE_LABELS: Readonly<Record<string, string>> = {
  headline: 'Headline (own voice)',
  narration: 'Narration (own voice)',
  scare: 'Scare quotes (own voice, in quotation marks)',
  quoted: 'Direct quotes',
  reported: 'Reported speech',
};

export const VOICE_ORDER = ['headline', 'narration', 'scare', 'quoted', 'reported'] as const;

/** Categorical palette (colour-blind-safe, Okabe–Ito with additions). */
export const SERIES = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#8c6bb1', '#555555', '#999999', '#F0E442'];

export function seriesColour(index: number): string {
  return SERIES[index % SERIES.length] as string;
}

/** Number of distinct speaker shades (`.s0` … `.s7` in the stylesheet). */
export const SPEAKER_SHADES = 8;
