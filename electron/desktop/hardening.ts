// Electron's security checklist for everything the app may ever show: no permissions but
// writing to the clipboard from our page, no network, no navigation away from app://, no new
// windows, no webviews.
import { app, session } from 'electron';
import { isAppUrl } from '../window-options';

export function harden(): void {
  const ses = session.defaultSession;
  // No camera, microphone, notifications, geolocation...; only writing to the clipboard from our page.
  ses.setPermissionRequestHandler((contents, permission, callback) =>
    callback(permission === 'clipboard-sanitized-write' && isAppUrl(contents.getURL())),
  );
  ses.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin) =>
      permission === 'clipboard-sanitized-write' && isAppUrl(requestingOrigin),
  );
  // Belt and braces under the CSP: the page never talks to the network.
  ses.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file://*/*'] },
    (_details, callback) => callback({ cancel: true }),
  );

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    // Links open in the system browser only through api.openExternal, after a click in our page.
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
