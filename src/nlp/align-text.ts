/**
 * Maps offsets in a derived text (the document's cleaned `text`) back to the text it was
 * built from (a dataset file), for scoring against annotations made on the original.
 * Cleaning only changes whitespace and a few characters (quotes, dashes, spaces), so one
 * greedy linear walk aligns the two: equal characters pair up, whitespace on either side
 * is skipped, and a changed character pairs with the character in the same place.
 */
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0xa0 || code === 0x200b || code === 0xfeff || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x3000;
}

/** `map[i]` is the offset in `original` of `derived[i]`; `map[derived.length]` is the end. */
export function alignTexts(derived: string, original: string): Int32Array {
  const map = new Int32Array(derived.length + 1);
  let i = 0;
  let j = 0;
  while (i < derived.length) {
    const a = derived.charCodeAt(i);
    const b = j < original.length ? original.charCodeAt(j) : -1;
    if (a === b) {
      map[i++] = j++;
    } else if (isSpace(a)) {
      map[i++] = j;
    } else if (b !== -1 && isSpace(b)) {
      j++;
    } else {
      map[i++] = b === -1 ? original.length : j++;
    }
  }
  map[derived.length] = Math.min(j, original.length);
  return map;
}

/** UTF-16 index → code point index, for annotations counted in code points (PTC). */
export function codePointOffsets(text: string): Int32Array {
  const out = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    out[i] = cp;
    const code = text.charCodeAt(i);
    // The low half of a surrogate pair belongs to the same code point as the high half.
    if (!(code >= 0xdc00 && code <= 0xdfff && i > 0 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800)) cp++;
    else out[i] = cp - 1;
  }
  out[text.length] = cp;
  return out;
}
