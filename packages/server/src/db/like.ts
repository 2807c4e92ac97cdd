/** A LIKE/ILIKE pattern matching `text` anywhere, with % _ and \ in the text matching themselves. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}
