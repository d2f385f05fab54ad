import { fireEvent, render, screen } from '@testing-library/react';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { chooseSheet, flush, sendSheet } from '../../../../test-support/sheet-upload';
import { downloadFile, uploadPhoto } from '../../../platform';
import { saveSession } from '../../../services/session-vault';
import RegistryImportPage from './index';

jest.mock('../../../platform', () =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a jest.mock factory runs before imports
  require('../../../../test-support/fake-files-platform').fakeFilesPlatform(),
);

const DONE = {
  id: '65f0a1b2c3d4e5f6a7b8c9d4',
  filename: '余姚名录-GBK.csv',
  format: 'csv',
  encoding: 'gb18030',
  status: 'done',
  totalRows: 3,
  created: 2,
  updated: 0,
  refused: 1,
  error: null,
  startedAt: '2027-03-01T01:00:00.000Z',
  finishedAt: '2027-03-01T01:00:02.000Z',
};

describe('企业名录导入 console page', () => {
  beforeEach(() => saveSession(sessionFor(['admin'], { token: 'tok-admin' })));

  it('when the command chooses a GBK CSV and imports it, then the file goes up once and the figures and the report download follow', async () => {
    installFakeApi({
      'GET /api/enterprise-imports': [
        { status: 200, body: { items: [] } },
        { status: 200, body: { items: [DONE] } },
      ],
    });
    render(<RegistryImportPage />);
    await flush();
    expect(screen.getByText('还没有导入记录')).toBeTruthy();

    await chooseSheet({ path: 'blob:1', name: '余姚名录-GBK.csv', size: 2 * 1024 * 1024 });
    expect(screen.getByText('余姚名录-GBK.csv（2.0 MB）')).toBeTruthy();
    await sendSheet('开始导入', { statusCode: 201, data: DONE });

    expect(uploadPhoto).toHaveBeenCalledTimes(1);
    expect((uploadPhoto as jest.Mock).mock.calls[0].slice(0, 2)).toEqual([
      '/api/enterprise-imports',
      'tok-admin',
    ]);
    expect(screen.getByText('本次导入：余姚名录-GBK.csv')).toBeTruthy();
    expect(screen.getAllByText('新增 2 · 更新 0 · 未导入 1').length).toBeGreaterThan(0);
    expect(screen.getAllByText('已完成 · 已读 3 行 · 编码 GB18030').length).toBeGreaterThan(0);

    fireEvent.click(screen.getByText('下载逐行报告'));
    await flush();
    expect(downloadFile).toHaveBeenCalledWith(
      `/api/enterprise-imports/${DONE.id}/report`,
      'tok-admin',
      '名录导入报告-余姚名录-GBK.csv',
      expect.any(Function),
    );
  });

  it('when the file is refused (a column is missing), then no result is shown and the file stays chosen to try again', async () => {
    installFakeApi({ 'GET /api/enterprise-imports': { status: 200, body: { items: [] } } });
    render(<RegistryImportPage />);
    await flush();
    await chooseSheet({ path: 'blob:2', name: 'b.csv', size: 900 });
    await sendSheet('开始导入', {
      statusCode: 400,
      data: { error: { code: 'VALIDATION_ERROR', message: '缺少列：统一社会信用代码', details: [] } },
    });
    expect(screen.queryByText(/本次导入/)).toBeNull();
    expect(screen.getByText('b.csv（1 KB）')).toBeTruthy();
    expect(screen.getByText('未导入：缺少列：统一社会信用代码')).toBeTruthy();
  });
});
