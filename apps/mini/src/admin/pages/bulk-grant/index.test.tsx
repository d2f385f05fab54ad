import { fireEvent, render, screen } from '@testing-library/react';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { chooseSheet, flush, sendSheet } from '../../../../test-support/sheet-upload';
import { downloadFile, uploadPhoto } from '../../../platform';
import { saveSession } from '../../../services/session-vault';
import BulkGrantPage from './index';

jest.mock('../../../platform', () =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a jest.mock factory runs before imports
  require('../../../../test-support/fake-files-platform').fakeFilesPlatform(),
);

const DONE = {
  id: '65f0a1b2c3d4e5f6a7b8c9e1',
  filename: '管家名单.csv',
  format: 'csv',
  encoding: 'gb18030',
  totalRows: 3,
  granted: 1,
  already: 1,
  refused: 1,
  rows: [
    { row: 2, phoneMasked: '139****0001', role: '复工管家', scope: '', outcome: 'granted', reason: '' },
    {
      row: 3,
      phoneMasked: '139****0002',
      role: '部门办理人',
      scope: '人社局',
      outcome: 'already',
      reason: '',
    },
    {
      row: 4,
      phoneMasked: '139****0003',
      role: '复工管家',
      scope: '',
      outcome: 'refused',
      reason: '该手机号还没有复工通账号，请本人先登录一次',
    },
  ],
  at: '2027-03-01T01:00:00.000Z',
};

describe('批量授权 console page', () => {
  beforeEach(() => {
    saveSession(sessionFor(['admin'], { token: 'tok-admin' }));
    installFakeApi({});
    (uploadPhoto as jest.Mock).mockReset();
  });

  it('when the command chooses a sheet and sends it, then the file goes up once and each row’s outcome, the figures and the report download follow', async () => {
    render(<BulkGrantPage />);
    expect(screen.getByText(/首行为列名：手机号、角色、范围、备注/)).toBeTruthy();
    // The command's own role is granted one by one, so the help never offers it for a sheet.
    expect(screen.getByText(/角色：务工人员、企业联络员、复工管家/).textContent).not.toMatch(
      /角色：[^（]*指挥部/,
    );

    await chooseSheet({ path: 'blob:1', name: '管家名单.csv', size: 2048 });
    expect(screen.getByText('管家名单.csv')).toBeTruthy();
    await sendSheet('开始授权', { statusCode: 201, data: DONE });

    expect(uploadPhoto).toHaveBeenCalledTimes(1);
    expect((uploadPhoto as jest.Mock).mock.calls[0].slice(0, 2)).toEqual([
      '/api/admin/role-grant-imports',
      'tok-admin',
    ]);
    expect(screen.getByText('共 3 行 · 已授权 1 · 已有 1 · 未授权 1')).toBeTruthy();
    expect(screen.getByText(/第 2 行 · 139\*\*\*\*0001 · 复工管家 · 已授权$/)).toBeTruthy();
    expect(screen.getByText(/第 3 行 · 139\*\*\*\*0002 · 部门办理人（人社局） · 已有/)).toBeTruthy();
    expect(
      screen.getByText(/第 4 行 · 139\*\*\*\*0003 · 复工管家 · 未授权：该手机号还没有复工通账号/),
    ).toBeTruthy();

    fireEvent.click(screen.getByText('下载逐行报告'));
    await flush();
    expect(downloadFile).toHaveBeenCalledWith(
      `/api/admin/role-grant-imports/${DONE.id}/report`,
      'tok-admin',
      '批量授权报告-管家名单.csv',
      expect.any(Function),
    );
  });

  it('when the sheet is refused whole (too many rows), then no result is shown and the file stays chosen to try again', async () => {
    render(<BulkGrantPage />);
    await chooseSheet({ path: 'blob:2', name: '全市名单.xlsx', size: 4096 });
    await sendSheet('开始授权', {
      statusCode: 400,
      data: { error: { code: 'VALIDATION_ERROR', message: '表格超过 5000 行，请分批上传', details: [] } },
    });
    expect(uploadPhoto).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(/已授权 \d/)).toBeNull();
    expect(screen.getByText('未授权任何人：表格超过 5000 行，请分批上传')).toBeTruthy();
    expect(screen.getByText('全市名单.xlsx')).toBeTruthy();
    expect(screen.getByText('重新选择')).toBeTruthy();
  });
});
