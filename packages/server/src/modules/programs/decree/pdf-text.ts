import zlib from 'node:zlib';

/**
 * The text pdfkit drew, for tests: inflates every content stream and decodes the hex strings of its TJ operators.
 * Enough for the standard fonts, whose strings are single-byte WinAnsi codes.
 */
export function pdfText(pdf: Buffer): string {
  const texts: string[] = [];
  const source = pdf.toString('latin1');
  for (const match of source.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = source.indexOf('endstream', start);
    if (end < 0) continue;
    let content: string;
    try {
      content = zlib.inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    for (const array of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      texts.push([...(array[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) => Buffer.from(hex[1] ?? '', 'hex').toString('latin1')).join(''));
    }
  }
  return texts.join('\n');
}
