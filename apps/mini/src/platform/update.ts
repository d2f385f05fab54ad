/**
 * New versions of the mini-program: WeChat downloads them in the background; when one is ready
 * the person is asked (in Chinese) to restart into it. H5 reloads from the server anyway.
 */
import Taro from '@tarojs/taro';

/** Starts listening for a downloaded new version; call once at launch. No-op outside WeChat. */
export function watchForUpdates(): void {
  if (process.env.TARO_ENV !== 'weapp' || typeof Taro.getUpdateManager !== 'function') return;
  const manager = Taro.getUpdateManager();
  manager.onUpdateReady(() => {
    void Taro.showModal({
      title: '发现新版本',
      content: '新版本已经下载好，重启后即可使用。现在重启小程序吗？',
      confirmText: '重启',
      cancelText: '稍后',
    }).then(({ confirm }) => {
      if (confirm) manager.applyUpdate();
    });
  });
  manager.onUpdateFailed(() => {
    void Taro.showModal({
      title: '更新失败',
      content: '新版本下载失败，请检查网络后重新打开小程序。',
      showCancel: false,
      confirmText: '知道了',
    });
  });
}
