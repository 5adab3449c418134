/**
 * A tagged template for building HTML in which escaping cannot be
 * forgotten: every interpolated string or number is escaped, and only
 * SafeHtml (built by this same template) goes in as markup.
 *
 *     html`<td>${result.title}</td>`     // title escaped
 *     html`<ul>${items.map(renderItem)}</ul>`   // SafeHtml[] inserted as is
 */
import { escapeHtml } from './escape.js';

export class SafeHtml {
  constructor(readonly markup: string) {}

  toString(): string {
    return this.markup;
  }
}

export type HtmlValue = string | number | SafeHtml | readonly SafeHtml[];

export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let markup = strings[0] ?? '';
  values.forEach((value, index) => {
    markup += toMarkup(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(markup);
}

/** Markup known to be safe because it is a constant of the program, never case text. */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

function toMarkup(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.markup;
  if (typeof value === 'string' || typeof value === 'number') return escapeHtml(String(value));
  return value.map((item) => item.markup).join('');
}
