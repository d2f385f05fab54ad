import Taro from '@tarojs/taro';
import { workerRoutes } from '@fugong/contracts';
import { sessionFor } from '../../test-support/fake-api';
import { downloadFile } from '../platform';
import { download, downloadRoute } from './download';
import { saveSession } from './session-vault';

jest.mock('../platform', () => ({
  ...jest.requireActual('../platform'),
  downloadFile: jest.fn(async () => undefined),
}));

describe('file downloads', () => {
  it('when a route’s file is downloaded, then its path and query are filled and the session token is used', async () => {
    saveSession(sessionFor(['transport'], { token: 'tok-7' }));
    const progress = jest.fn();

    await downloadRoute(
      workerRoutes.tripsManifestExport,
      { params: { tripId: '65f0a1b2c3d4e5f6a7b8c9d0' }, query: { format: 'xlsx' } },
      '乘客名单.xlsx',
      progress,
    );

    expect(downloadFile).toHaveBeenCalledWith(
      '/api/trips/65f0a1b2c3d4e5f6a7b8c9d0/manifest/export?format=xlsx',
      'tok-7',
      '乘客名单.xlsx',
      progress,
    );
  });

  it('when nobody is signed in, then nothing is downloaded and the person is sent to sign in', async () => {
    await expect(download('/api/dashboard/export', '日报.xlsx')).rejects.toThrow('请先登录');

    expect(downloadFile).not.toHaveBeenCalled();
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });
});
