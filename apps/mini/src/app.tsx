import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { listenForPrivacyAuthorization } from './platform/privacy';
import { watchForUpdates } from './platform/update';
import { registerServiceWorker } from './platform/service-worker';
import { applyElderMode } from './platform/text-size';
import { elderModeOn } from './hooks/elder-mode';
import './app.css';

/** The app shell: Taro renders the current page as `children`. */
function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    watchForUpdates();
    registerServiceWorker();
    listenForPrivacyAuthorization();
    applyElderMode(elderModeOn());
  });
  return children;
}

export default App;
