// Which opener each system gets for the editor's URL, and when none is tried (the processes
// themselves: test/electron/cli/serve.test.ts).
import { describe, expect, it } from 'vitest';
import { browserOpener } from '../../electron/open-in-browser';

const URL_ = 'http://127.0.0.1:4321/?token=abc_DEF-123';

describe('browserOpener', () => {
  it('uses open on macOS, with or without DISPLAY', () => {
    expect(browserOpener(URL_, 'darwin', {})).toEqual({ command: 'open', args: [URL_] });
  });

  it("uses cmd.exe's start on Windows, the URL quoted after an empty window title", () => {
    expect(browserOpener(URL_, 'win32', { ComSpec: 'C:\\Windows\\system32\\cmd.exe' })).toEqual({
      command: 'C:\\Windows\\system32\\cmd.exe',
      args: ['/d', '/s', '/c', `start "" "${URL_}"`],
      verbatim: true,
    });
    expect(browserOpener(URL_, 'win32', {})).toMatchObject({ command: 'cmd.exe' });
  });

  it('uses xdg-open on Linux and the BSDs where there is an X or Wayland display', () => {
    expect(browserOpener(URL_, 'linux', { DISPLAY: ':0' })).toEqual({ command: 'xdg-open', args: [URL_] });
    expect(browserOpener(URL_, 'linux', { WAYLAND_DISPLAY: 'wayland-0' })).toEqual({
      command: 'xdg-open',
      args: [URL_],
    });
    expect(browserOpener(URL_, 'freebsd', { DISPLAY: ':0' })).toEqual({ command: 'xdg-open', args: [URL_] });
  });

  it('tries nothing on Linux without a display (SSH, containers, CI)', () => {
    expect(browserOpener(URL_, 'linux', {})).toEqual({ skip: 'no display (DISPLAY and WAYLAND_DISPLAY are unset)' });
    expect(browserOpener(URL_, 'linux', { DISPLAY: '', WAYLAND_DISPLAY: '' })).toHaveProperty('skip');
  });

  it('tries nothing anywhere with BROWSER=none', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(browserOpener(URL_, platform, { BROWSER: 'none', DISPLAY: ':0' })).toEqual({ skip: 'BROWSER=none' });
    }
    expect(browserOpener(URL_, 'darwin', { BROWSER: 'firefox' })).toEqual({ command: 'open', args: [URL_] });
  });
});
