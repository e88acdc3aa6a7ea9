// Go's base64.StdEncoding.Decode, as encoding/json uses it for a []byte field (Secret data, ConfigMap binaryData):
// padding is required, CR and LF are skipped, and the first bad byte is reported as
// `illegal base64 data at input byte <n>` (encoding/base64 CorruptInputError).
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export type Base64Result = { ok: true; bytes: number } | { ok: false; message: string };

const corrupt = (at: number): Base64Result => ({ ok: false, message: `illegal base64 data at input byte ${at}` });
const isNewline = (c: string | undefined) => c === '\n' || c === '\r';

/** The decoded length, or the decoder's error (encoding/base64 decodeQuantum). */
export function decodeBase64(src: string): Base64Result {
  let si = 0;
  let total = 0;
  for (;;) {
    let j = 0;
    let dlen = 4;
    let trailing: number | null = null;
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return { ok: true, bytes: total };
        return corrupt(si - j);
      }
      const c = src[si] as string;
      si++;
      if (ALPHABET.includes(c)) continue;
      if (isNewline(c)) {
        j--;
        continue;
      }
      if (c !== '=') return corrupt(si - 1);
      if (j < 2) return corrupt(si - 1);
      if (j === 2) {
        // "==" is expected; the first "=" is already consumed.
        while (si < src.length && isNewline(src[si])) si++;
        if (si === src.length) return corrupt(src.length);
        if (src[si] !== '=') return corrupt(si - 1);
        si++;
      }
      while (si < src.length && isNewline(src[si])) si++;
      if (si < src.length) trailing = si;
      dlen = j;
      break;
    }
    total += dlen === 4 ? 3 : dlen - 1;
    if (trailing !== null) return corrupt(trailing);
    if (dlen < 4) return { ok: true, bytes: total };
  }
}

/** The decoded bytes, one char each (for the JSON check of docker config secrets); for data that decoded. */
export function base64Bytes(src: string): string {
  const clean = src.replace(/[\r\n]/g, '');
  let bits = 0;
  let acc = 0;
  let out = '';
  for (const c of clean) {
    if (c === '=') break;
    acc = (acc << 6) | ALPHABET.indexOf(c);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((acc >> bits) & 0xff);
    }
  }
  return out;
}
