/**
 * The text of an uncompressed pdfkit PDF, for tests: pdfkit writes each line as a TJ array of hex strings
 * (split where kerning applies) in WinAnsi encoding, which latin1 decodes for the characters we print.
 */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const lines: string[] = [];
  for (const [, array = ''] of source.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
    const parts = [...array.matchAll(/<([0-9a-fA-F]*)>/g)].map(([, hex = '']) => Buffer.from(hex, 'hex').toString('latin1'));
    lines.push(parts.join(''));
  }
  return lines.join('\n');
}
