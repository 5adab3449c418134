/**
 * Text for Markdown (a wiki page): case text and observations can hold
 * anything, so every character Markdown or the HTML it allows would act on is
 * escaped, and table cells stay on one line.
 */

/**
 * Inline text: the characters that make emphasis, code, links, tables and
 * strike-through escaped anywhere, the ones that start a heading or a list
 * escaped at the start, `&`, `<` and `>` as entities (no HTML gets through),
 * line breaks as spaces.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n|[\r\n]/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (character) => `\\${character}`)
    .replace(/^([#+!-])/, '\\$1')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A block quote that keeps the text's lines. */
export function markdownQuote(text: string): string {
  return text
    .split(/\r\n|[\r\n]/)
    .map((line) => `> ${escapeMarkdown(line)}  `)
    .join('\n');
}

/** Code: in a span long enough not to be closed by backticks inside, with `|` escaped for tables. */
export function markdownCode(text: string): string {
  const flat = text.replace(/\r\n|[\r\n]/g, ' ').replace(/\|/g, '\\|');
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A table row. */
export function markdownRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** A link when `url` is an https address without characters that would end it early, else the text alone. */
export function markdownLink(url: string, text: string): string {
  return /^https:\/\/[^\s()<>]+$/.test(url) ? `[${escapeMarkdown(text)}](${url})` : escapeMarkdown(text);
}
