/** Links rendered from shared data: any peer can write any string, so only safe schemes link. */
import { describe, expect, it } from 'vitest';
import { safeHref } from '../../client/src/lib/safeHref';

describe('safeHref', () => {
  it('links http(s), mailto and tel URLs', () => {
    expect(safeHref('https://s3platform.jrc.ec.europa.eu/')).toBe(
      'https://s3platform.jrc.ec.europa.eu/',
    );
    expect(safeHref('mailto:s3@example.org')).toBe('mailto:s3@example.org');
  });

  it('never links javascript:, data: or anything that is not a string', () => {
    expect(safeHref('javascript:alert(document.cookie)')).toBeNull();
    expect(safeHref(' JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<script>alert(1)</script>')).toBeNull();
    expect(safeHref('')).toBeNull();
    expect(safeHref({ href: 'https://example.org' })).toBeNull();
  });
});
