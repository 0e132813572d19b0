import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appUrlMatcher } from '../../../electron/main/app-url';

const indexFile = '/opt/Dispatch Desk/resources/app.asar/out/renderer/index.html';
const indexUrl = pathToFileURL(indexFile).toString();

describe('the console window trusts only its own page', () => {
  const isAppUrl = appUrlMatcher({ indexFile, platform: 'linux' });

  it('trusts the packaged index file, also with an in-page anchor', () => {
    expect(isAppUrl(indexUrl)).toBe(true);
    expect(isAppUrl(`${indexUrl}#board`)).toBe(true);
  });

  it.each([
    ['another renderer/ folder on disk', 'file:///home/eve/Downloads/renderer/index.html'],
    ['another file beside the index', 'file:///opt/Dispatch%20Desk/resources/app.asar/out/renderer/evil.html'],
    ['a path that climbs out of the renderer folder', `${indexUrl}/../../../../../tmp/renderer/index.html`],
    ['an encoded climb', 'file:///opt/Dispatch%20Desk/resources/app.asar/out/renderer/%2e%2e/%2e%2e/x/renderer/index.html'],
    ['an encoded slash', 'file:///opt/Dispatch%20Desk/resources/app.asar/out%2Frenderer/index.html'],
    ['a file on another host', 'file://evil.example/opt/Dispatch%20Desk/resources/app.asar/out/renderer/index.html'],
    ['a web page with the same path', 'https://evil.example/opt/Dispatch%20Desk/resources/app.asar/out/renderer/index.html'],
    ['the dev server when none is configured', 'http://localhost:5173/'],
    ['garbage', 'not a url'],
  ])('refuses %s', (_what, url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('in development trusts the dev server origin only, not a host that merely starts with it', () => {
    const dev = appUrlMatcher({ indexFile, devServerUrl: 'http://localhost:5173', platform: 'linux' });
    expect(dev('http://localhost:5173/')).toBe(true);
    expect(dev('http://localhost:5173/index.html#board')).toBe(true);
    expect(dev('http://localhost:5173.evil.example/')).toBe(false);
    expect(dev('http://localhost:5173@evil.example/')).toBe(false);
    expect(dev('http://localhost:5174/')).toBe(false);
    expect(dev('https://localhost:5173/')).toBe(false);
  });

  it('compares Windows paths without regard to case or slash direction', () => {
    const win = appUrlMatcher({ indexFile: 'C:\\Program Files\\Dispatch Desk\\resources\\app.asar\\out\\renderer\\index.html', platform: 'win32' });
    expect(win('file:///C:/Program%20Files/Dispatch%20Desk/resources/app.asar/out/renderer/index.html')).toBe(true);
    expect(win('file:///c:/program%20files/dispatch%20desk/resources/app.asar/out/renderer/index.html')).toBe(true);
    expect(win('file:///C:/Users/eve/Downloads/renderer/index.html')).toBe(false);
    expect(win('file:///D:/Program%20Files/Dispatch%20Desk/resources/app.asar/out/renderer/index.html')).toBe(false);
  });
});
