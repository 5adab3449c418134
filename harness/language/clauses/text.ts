/** Finding a clause's text on the page, and in a message telling near misses apart. */

/** How many times `text` occurs in `page`, overlapping occurrences included. */
export function occurrences(page: string, text: string): number {
  let count = 0;
  for (let at = page.indexOf(text); at !== -1; at = page.indexOf(text, at + 1)) count++;
  return count;
}

/** Every run of white space (no-break spaces included) as one plain space: to tell a spacing slip from a wrong text. */
export function squashSpaces(text: string): string {
  return text.replace(/\s+/gu, ' ');
}
