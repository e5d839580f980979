/**
 * Bytes of a report file → text, the same way everywhere (the CLI reads files with it, the element
 * reads `src` with it): a byte-order mark says UTF-16LE, UTF-16BE or UTF-8 (the mark is dropped);
 * without one, UTF-8 when the bytes are valid UTF-8, else GB18030 (common on Chinese government sites).
 * No DOM, no Node: `TextDecoder` is in both.
 */
export function decodeText(buf: Uint8Array): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
  } catch {
    try {
      return new TextDecoder('gb18030').decode(buf);
    } catch {
      return new TextDecoder('utf-8').decode(buf);
    }
  }
}
