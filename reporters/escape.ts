/**
 * Escaping for every output a reporter writes (JUnit XML, HTML, terminal).
 * Case text comes from YAML written by people and from observations of a
 * provider, so it can hold anything: markup, `]]>`, control characters,
 * terminal escape sequences, lone surrogates.
 */

/**
 * Code points XML 1.0 does not allow in a document at all, not even as
 * character references: C0 controls other than tab/LF/CR, lone surrogates,
 * U+FFFE and U+FFFF. The `u` flag makes a lone surrogate one code point, so
 * the surrogate range below matches only unpaired halves.
 */
const XML_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Removes the characters XML 1.0 forbids; there is no way to write them in XML. */
export function stripForbiddenXmlChars(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}

/** Text content of an XML element. Escaping `>` also defuses `]]>`. */
export function escapeXmlText(text: string): string {
  return stripForbiddenXmlChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A double-quoted XML attribute value. Tab, LF and CR are written as
 * character references because a parser would otherwise normalise them to
 * spaces, losing the line breaks of a multi-line message.
 */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/**
 * Text or a quoted attribute value in HTML. The same characters are dropped
 * as for XML: C0 controls are parse errors in HTML and render as nothing
 * useful anyway.
 */
export function escapeHtml(text: string): string {
  return stripForbiddenXmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** C0 and C1 controls and DEL: what a terminal would act on instead of print. */
const TERMINAL_CONTROLS = /[\u0000-\u001F\u007F-\u009F]/gu;

/**
 * Text for one line of terminal output: line breaks and tabs become spaces
 * and other controls are dropped, so case text can neither break the
 * one-line-per-case layout nor move the cursor or change colours.
 */
export function escapeTerminalLine(text: string): string {
  return text.replace(/\r\n|[\r\n\t]/g, ' ').replace(TERMINAL_CONTROLS, '');
}

/**
 * JSON as the text of a `<script type="application/json">` element. `<`, `>`
 * and `&` are written as `\u` escapes (still the same JSON), so no text can
 * close the element or open a comment in it; strings lose the characters XML
 * forbids, as everywhere else in a report.
 */
export function jsonForScriptElement(value: unknown): string {
  const json = JSON.stringify(value, (_key, field: unknown) => (typeof field === 'string' ? stripForbiddenXmlChars(field) : field)) ?? 'null';
  return json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
