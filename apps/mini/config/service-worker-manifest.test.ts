import { shellFiles, shellVersion } from './service-worker-manifest';

const BUILD = [
  'index.html',
  'sw.js',
  'js/app.1a2b3c4d.js',
  'js/app.1a2b3c4d.js.map',
  'js/app.1a2b3c4d.js.LICENSE.txt',
  'js/shared.9f8e7d6c.js',
  'css/app.0a1b2c3d4e5f.css',
  'static/images/logo.5e6f7a8b.png',
];

describe('H5 service worker: the app shell it precaches', () => {
  it('when the build has written its files, then the shell is the hashed scripts, styles and images as the browser asks for them', () => {
    expect(shellFiles(BUILD, '/')).toEqual([
      '/css/app.0a1b2c3d4e5f.css',
      '/js/app.1a2b3c4d.js',
      '/js/shared.9f8e7d6c.js',
      '/static/images/logo.5e6f7a8b.png',
    ]);
  });

  it('when a shell file or index.html changes, then the cache version changes with it', () => {
    const files = shellFiles(BUILD);
    const base = shellVersion(files, '<html>a</html>');
    expect(shellVersion(files, '<html>a</html>')).toBe(base);
    expect(shellVersion(files, '<html>b</html>')).not.toBe(base);
    expect(shellVersion(shellFiles([...BUILD, 'js/page.12345678.js']), '<html>a</html>')).not.toBe(base);
  });
});
