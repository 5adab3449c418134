import { expect } from 'chai';

import {
  escapeHtml,
  escapeTerminalLine,
  escapeXmlAttribute,
  escapeXmlText,
  jsonForScriptElement,
  stripForbiddenXmlChars,
} from '../../reporters/escape.js';

describe('escape', () => {
  it('drops the characters XML 1.0 forbids and keeps tab, newline and astral characters', () => {
    expect(stripForbiddenXmlChars('a\u0000b\u0007c\u001Fd\uFFFEe\uD800f\tg\nh\u{1F600}')).to.equal('abcdef\tg\nh\u{1F600}');
  });

  it('escapes markup and defuses ]]> in XML text', () => {
    expect(escapeXmlText('<a> & ]]>')).to.equal('&lt;a&gt; &amp; ]]&gt;');
  });

  it('keeps line breaks of XML attributes as character references', () => {
    expect(escapeXmlAttribute('say "hi"\nthen\tleave')).to.equal('say &quot;hi&quot;&#10;then&#9;leave');
  });

  it('escapes both quote kinds in HTML', () => {
    expect(escapeHtml(`<img src=x onerror='a("b")'>`)).to.equal('&lt;img src=x onerror=&#39;a(&quot;b&quot;)&#39;&gt;');
  });

  it('writes JSON that cannot close its script element and reads back the same, less forbidden characters', () => {
    const value = { text: '</script><!-- & <b>\u0007', list: ['a > b'] };
    const json = jsonForScriptElement(value);
    expect(json).to.not.match(/[<>&]|\u0007/);
    expect(JSON.parse(json)).to.deep.equal({ text: '</script><!-- & <b>', list: ['a > b'] });
  });

  it('makes text a single inert terminal line', () => {
    expect(escapeTerminalLine('one\r\ntwo\x1b[31m\u0007\u009b')).to.equal('one two[31m');
  });
});
