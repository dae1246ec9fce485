import { describe, expect, it } from 'vitest';
import { applySecurityPolicies, isAppUrl, senderRefusal } from '../../../src/main/security';
import { FakeDownload, FakeWebContents, fakeElectron, fakeFrame } from './fake-electron';

/** The policies applied to a fake Electron, and one window's web contents created under them. */
function hardenedWindow() {
  const electron = fakeElectron();
  applySecurityPolicies(electron.modules);
  const contents = new FakeWebContents();
  electron.app.emit('web-contents-created', contents);
  return { ...electron, contents };
}

describe('the app origin', () => {
  it('is app://targum and nothing else', () => {
    expect(isAppUrl('app://targum/index.html')).toBe(true);
    expect(isAppUrl('app://targum/#/reader/3')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('https://targum/index.html')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('the sender check on API calls', () => {
  const window = new FakeWebContents();

  it("accepts the Targum window's top frame showing the app", () => {
    expect(senderRefusal({ sender: window, senderFrame: fakeFrame('app://targum/index.html') }, window)).toBeUndefined();
  });

  it('refuses other web contents, and every call before the window exists', () => {
    const other = new FakeWebContents();
    expect(senderRefusal({ sender: other, senderFrame: fakeFrame('app://targum/index.html') }, window)).toMatch(/another web contents/);
    expect(senderRefusal({ sender: window, senderFrame: fakeFrame('app://targum/index.html') }, undefined)).toMatch(/another web contents/);
  });

  it('refuses a subframe, a page of another origin, and a frame that is gone', () => {
    expect(senderRefusal({ sender: window, senderFrame: fakeFrame('app://targum/embed.html', { parent: fakeFrame('app://targum/') }) }, window)).toBe(
      'a call from a subframe (app://targum/embed.html)',
    );
    expect(senderRefusal({ sender: window, senderFrame: fakeFrame('https://evil.example/') }, window)).toBe('a call from https://evil.example/');
    expect(senderRefusal({ sender: window, senderFrame: null }, window)).toBe('a call from a frame that is gone');
    expect(senderRefusal({ sender: window, senderFrame: fakeFrame('app://targum/', { gone: true }) }, window)).toBe('a call from a frame that is gone');
  });
});

describe('navigation and new windows', () => {
  it('lets the window move within the app', () => {
    const { contents, opened } = hardenedWindow();
    expect(contents.emit('will-navigate', 'app://targum/index.html#/library').prevented).toBe(false);
    expect(contents.emit('will-redirect', 'app://targum/index.html').prevented).toBe(false);
    expect(opened).toEqual([]);
  });

  it('keeps the window in the app and sends http(s) links to the system browser', () => {
    const { contents, opened } = hardenedWindow();
    expect(contents.emit('will-navigate', 'https://www.haaretz.co.il/news').prevented).toBe(true);
    expect(contents.emit('will-navigate', 'http://example.org/a b').prevented).toBe(true);
    expect(opened).toEqual(['https://www.haaretz.co.il/news', 'http://example.org/a%20b']);
  });

  it('opens nothing for other schemes', () => {
    const { contents, opened } = hardenedWindow();
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'mailto:someone@example.org', 'app://other/', 'not a url']) {
      expect(contents.emit('will-navigate', url).prevented, url).toBe(true);
    }
    expect(opened).toEqual([]);
  });

  it('refuses redirects out of the app and webviews', () => {
    const { contents, opened } = hardenedWindow();
    expect(contents.emit('will-redirect', 'https://evil.example/').prevented).toBe(true);
    expect(contents.emit('will-attach-webview').prevented).toBe(true);
    expect(opened).toEqual([]);
  });

  it('never opens a window: http(s) goes to the system browser, anything else nowhere', () => {
    const { contents, opened } = hardenedWindow();
    expect(contents.windowOpenHandler?.({ url: 'https://www.aljazeera.net/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://targum/index.html' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.aljazeera.net/']);
  });

  it('applies to every web contents the app makes', () => {
    const { app } = hardenedWindow();
    const second = new FakeWebContents();
    app.emit('web-contents-created', second);
    expect(second.emit('will-navigate', 'https://evil.example/').prevented).toBe(true);
    expect(second.windowOpenHandler).toBeDefined();
  });
});

describe('permissions', () => {
  it('refuses every permission request and check', () => {
    const { defaultSession } = hardenedWindow();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const answers: boolean[] = [];
      defaultSession.permissionRequestHandler?.(new FakeWebContents(), permission, (granted) => answers.push(granted));
      expect(answers, permission).toEqual([false]);
    }
    expect(defaultSession.permissionCheckHandler?.()).toBe(false);
  });
});

describe('downloads', () => {
  it("saves the app's own exports where the user says, starting in Documents", () => {
    const { defaultSession } = hardenedWindow();
    const download = new FakeDownload('blob:app://targum/5b0c3e52-2f4a-4c4e-9f2f-0d6c0c1f4a11', 'article.tmx');
    expect(defaultSession.emit('will-download', download).prevented).toBe(false);
    expect(download.saveDialogOptions).toEqual({ title: 'Save', defaultPath: '/home/reader/Documents/article.tmx' });
  });

  it('downloads nothing else', () => {
    const { defaultSession } = hardenedWindow();
    for (const url of ['https://evil.example/setup.exe', 'blob:https://evil.example/1', 'blob:app://other/1', 'data:text/plain,hi']) {
      const download = new FakeDownload(url, 'file');
      expect(defaultSession.emit('will-download', download).prevented, url).toBe(true);
      expect(download.saveDialogOptions).toBeUndefined();
    }
  });
});
