// Go strings are UTF-8 bytes: len(), hashes, base64 and byte limits all count those bytes. The engine encodes them
// itself because TextEncoder belongs to the host (DOM, Node), and the engine is compiled without either, so that it
// runs unchanged in the extension, the CLI and the webview.

/** The UTF-8 bytes of a string, as Go's `[]byte(s)`; a lone surrogate becomes U+FFFD, as TextEncoder writes it. */
export function utf8Bytes(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const ch of text) appendCodePoint(bytes, scalar(ch));
  return Uint8Array.from(bytes);
}

/** Go's `len(s)`: the length of a string's UTF-8 encoding. */
export function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) n += encodedLength(scalar(ch));
  return n;
}

/** The longest prefix of whole characters whose UTF-8 encoding fits in `maxBytes`. */
export function utf8Prefix(text: string, maxBytes: number): string {
  let n = 0;
  let end = 0;
  for (const ch of text) {
    n += encodedLength(scalar(ch));
    if (n > maxBytes) break;
    end += ch.length;
  }
  return text.slice(0, end);
}

/** The Unicode scalar value of one code point of a string; lone surrogates are not scalars and become U+FFFD. */
function scalar(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0xfffd;
  return cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp;
}

function encodedLength(cp: number): number {
  if (cp < 0x80) return 1;
  if (cp < 0x800) return 2;
  if (cp < 0x10000) return 3;
  return 4;
}

function appendCodePoint(out: number[], cp: number): void {
  if (cp < 0x80) out.push(cp);
  else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
  else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
}
