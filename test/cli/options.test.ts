/** The command's option readers on their own. */
import { expect } from 'chai';
import { InvalidArgumentError } from 'commander';
import { addReports, wantsColor } from '../../cli/options.js';

describe('command-line options', () => {
  describe('colour (wantsColor)', () => {
    it('follows the terminal when neither NO_COLOR nor FORCE_COLOR is set', () => {
      expect(wantsColor(true, {})).to.equal(true);
      expect(wantsColor(false, {})).to.equal(false);
    });

    it('is off with NO_COLOR set to anything, even on a terminal and even with FORCE_COLOR', () => {
      expect(wantsColor(true, { NO_COLOR: '1' })).to.equal(false);
      expect(wantsColor(true, { NO_COLOR: 'yes', FORCE_COLOR: '1' })).to.equal(false);
    });

    it('is on with FORCE_COLOR in a pipe, unless it is 0; an empty NO_COLOR does not count', () => {
      expect(wantsColor(false, { FORCE_COLOR: '1' })).to.equal(true);
      expect(wantsColor(false, { FORCE_COLOR: 'true', NO_COLOR: '' })).to.equal(true);
      expect(wantsColor(true, { FORCE_COLOR: '0' })).to.equal(false);
    });
  });

  describe('--reporter (addReports)', () => {
    it('takes comma-separated and repeated names, once each', () => {
      expect(addReports('junit', addReports('console, html', undefined))).to.deep.equal(['console', 'html', 'junit']);
      expect(addReports('html,html', undefined)).to.deep.equal(['html']);
    });

    it('refuses a name that is not a report', () => {
      expect(() => addReports('console,xml', undefined)).to.throw(InvalidArgumentError, /unknown report xml/);
    });
  });
});
