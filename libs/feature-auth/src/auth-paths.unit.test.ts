import { describe, expect, it } from 'vitest';
import { parseLoginSearch, parseResetSearch, safeReturnTo } from './auth-paths';

describe('safeReturnTo', () => {
  it('keeps a path inside the app, with its query and fragment', () => {
    expect(safeReturnTo('/aktorer?q=Namsos#treff')).toBe('/aktorer?q=Namsos#treff');
    expect(safeReturnTo('/')).toBe('/');
  });

  it('goes to the front page instead of another site, a scheme, or a malformed path', () => {
    for (const value of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)', 'aktorer', '', '/a\nb', undefined, 42]) {
      expect(safeReturnTo(value)).toBe('/');
    }
  });

  it('never returns to a login page', () => {
    expect(safeReturnTo('/logg-inn?returnTo=%2Faktorer')).toBe('/');
    expect(safeReturnTo('/glemt-passord')).toBe('/');
    expect(safeReturnTo('/nytt-passord/?token=x')).toBe('/');
  });
});

describe('the login pages’ search', () => {
  it('keeps text only', () => {
    expect(parseLoginSearch({ returnTo: '/kommuner', error: 'oidc_failed' })).toEqual({ returnTo: '/kommuner', error: 'oidc_failed' });
    expect(parseLoginSearch({ returnTo: ['x'], error: 3 })).toEqual({});
    expect(parseResetSearch({ token: 123456789 })).toEqual({ token: '123456789' });
    expect(parseResetSearch({ token: 'abc' })).toEqual({ token: 'abc' });
    expect(parseResetSearch({})).toEqual({});
  });
});
