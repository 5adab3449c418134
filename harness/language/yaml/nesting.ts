/**
 * How deeply a YAML text nests, found lexically before the parser sees it:
 * the parser recurses once per level and overflows its stack on thousands of
 * levels, at no useful position. A case file needs a few levels; past
 * MAX_NESTING the file is refused where the nesting goes too deep.
 */
export const MAX_NESTING = 64;

/** The offset where the text first nests deeper than `max` levels, or undefined. */
export function tooDeepAt(text: string, max = MAX_NESTING): number | undefined {
  let flowDepth = 0;
  let quote: '"' | "'" | undefined;
  let lineStart = true;
  let column = 0;
  for (let offset = 0; offset < text.length; offset++) {
    const char = text[offset];
    if (char === '\n') {
      lineStart = true;
      column = 0;
      continue;
    }
    if (quote !== undefined) {
      if (char === '\\' && quote === '"') offset++;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (lineStart) {
      // Indentation and compact `- ` entries each open a block level (two columns a level, as files are written).
      if (char === ' ' || (char === '-' && text[offset + 1] === ' ')) {
        column++;
        if (column > 2 * max) return offset;
        continue;
      }
      lineStart = false;
    }
    if (char === '#' && (offset === 0 || /\s/.test(text[offset - 1] ?? ''))) {
      offset = skipToLineEnd(text, offset) - 1;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '[' || char === '{') {
      flowDepth++;
      if (flowDepth > max) return offset;
    } else if ((char === ']' || char === '}') && flowDepth > 0) {
      flowDepth--;
    }
  }
  return undefined;
}

function skipToLineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end;
}
