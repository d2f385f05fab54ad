import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { listenForPrivacyAuthorization } from './platform/privacy';
import { watchForUpdates } from './platform/update';
import './app.css';

/** The app shell: Taro renders the current page as `children`. */
function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    watchForUpdates();
    listenForPrivacyAuthorization();
  });
  return children;
}

export default App;
