/**
 * RFC 3986 percent-encoding used by the Huawei signer: unreserved `A-Za-z0-9-_.~` stay, every other
 * UTF-8 byte becomes `%XY` (upper-case hex). Unlike encodeURIComponent it also encodes `!'()*`.
 */
export function uriEncode(value: string): string {
  let out = ''
  for (const byte of Buffer.from(value, 'utf8')) {
    const unreserved =
      (byte >= 0x41 && byte <= 0x5a) ||
      (byte >= 0x61 && byte <= 0x7a) ||
      (byte >= 0x30 && byte <= 0x39) ||
      byte === 0x2d ||
      byte === 0x2e ||
      byte === 0x5f ||
      byte === 0x7e
    out += unreserved
      ? String.fromCharCode(byte)
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}

/** Code-unit comparison (what the SDK's `Array.prototype.sort` does), not locale collation. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
