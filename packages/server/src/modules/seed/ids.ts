import { randomFillSync } from 'node:crypto';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const random = new Uint8Array(8 * 4096);
let randomOffset = random.length;
const MAX_SEQUENCE = 0x3ffffff;
let lastMs = 0;
let sequence = 0;
let prefixMs = -1;
let prefix = '';

/**
 * A UUIDv7 (RFC 9562): millisecond time first, then a per-millisecond sequence, then random bits. Ids made in a row
 * sort in a row, so bulk inserts append to the primary-key and foreign-key indexes instead of scattering over them.
 */
export function timeOrderedUuid(): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    sequence = 0;
  } else if (++sequence > MAX_SEQUENCE) {
    lastMs++;
    sequence = 0;
  }
  if (lastMs !== prefixMs) {
    prefixMs = lastMs;
    const time = lastMs.toString(16).padStart(12, '0');
    prefix = `${time.slice(0, 8)}-${time.slice(8, 12)}-`;
  }
  if (randomOffset + 6 > random.length) {
    randomFillSync(random);
    randomOffset = 0;
  }
  // 26-bit sequence: 12 bits after the version nibble, 14 bits after the variant bits.
  const versioned = 0x7000 | (sequence >>> 14);
  const varianted = 0x8000 | (sequence & 0x3fff);
  let tail = '';
  for (let i = 0; i < 6; i++) tail += HEX[random[randomOffset++] ?? 0];
  return `${prefix}${hex4(versioned)}-${hex4(varianted)}-${tail}`;
}

function hex4(n: number): string {
  return `${HEX[n >>> 8]}${HEX[n & 0xff]}`;
}
