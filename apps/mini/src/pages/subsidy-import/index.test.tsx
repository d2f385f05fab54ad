import { act, fireEvent, render, screen } from '@testing-library/react';
import type { Session } from '@fugong/contracts';
import { installFakeApi, sessionFor } from '../../../test-support/fake-api';
import { chooseDocument } from '../../platform';
import { saveSession } from '../../services/session-vault';
import SubsidyImportPage from './index';

jest.mock('../../platform', () => ({
  ...jest.requireActual('../../platform'),
  chooseDocument: jest.fn(),
}));

const flush = () =>
  act(async () => {
    for (let i = 0; i < 12; i += 1) await new Promise((r) => setTimeout(r, 0));
  });
const officerOf = (departmentId: string): Session => {
  const s = sessionFor(['officer']);
  return { ...s, user: { ...s.user, departmentId } };
};
// "统一社会信用代码,身份证号" in GBK, as Excel on Chinese Windows saves a CSV: sent byte for byte.
const GBK_BYTES = Uint8Array.from([
  0xcd, 0xb3, 0xd2, 0xbb, 0xc9, 0xe7, 0xbb, 0xe1, 0xd0, 0xc5, 0xd3, 0xc3, 0xb4, 0xfa, 0xc2, 0xeb, 0x2c, 0xc9,
  0xed, 0xb7, 0xdd, 0xd6, 0xa4, 0xba, 0xc5, 0x0d, 0x0a,
]);
const picked = (name: string, bytes: Uint8Array, size = bytes.length) => ({
  path: 'blob:1',
  file: new Blob([Buffer.from(bytes)]),
  name,
  size,
});
const REPORT = { kind: 'roster', period: '2020', encoding: 'gbk', totalRows: 3, imported: 3, replaced: 0 };

async function chooseAndImport(period: string) {
  fireEvent.click(screen.getByText('选择文件'));
  await flush();
  fireEvent.change(screen.getByLabelText('如 2020'), { target: { value: period } });
  fireEvent.click(screen.getByText('开始导入'));
  await flush();
}

describe('免申即享数据导入 page', () => {
  beforeEach(() => saveSession(officerOf('rsj')));

  it('when 人社局 imports a GBK 参保花名册 CSV for 2020, then the bytes go up unchanged and the figures are shown', async () => {
    (chooseDocument as jest.Mock).mockResolvedValue(picked('参保名单-GBK.csv', GBK_BYTES));
    const api = installFakeApi({ 'POST /api/subsidies/imports': { status: 200, body: REPORT } });
    render(<SubsidyImportPage />);
    expect(screen.getByText('参保职工花名册')).toBeTruthy();
    await chooseAndImport('2020');
    const sent = api.calls.filter((c) => c.method === 'POST');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.data).toEqual({
      kind: 'roster',
      period: '2020',
      format: 'csv',
      dataBase64: Buffer.from(GBK_BYTES).toString('base64'),
    });
    expect(screen.getByText('已导入 2020 年参保职工花名册')).toBeTruthy();
    expect(screen.getByText('读取 3 行 · 导入 3 行 · 替换原有 0 行 · 编码 GBK')).toBeTruthy();
  });

  it('when the file has bad rows, then the page lists each row with its column and reason, and says nothing was imported', async () => {
    (chooseDocument as jest.Mock).mockResolvedValue(picked('参保名单.xlsx', Uint8Array.from([0x50, 0x4b])));
    const api = installFakeApi({
      'POST /api/subsidies/imports': {
        status: 400,
        body: {
          error: {
            code: 'VALIDATION_ERROR',
            message: '有 2 行数据有误，本次未导入任何数据，请修改后重新导入',
            details: [
              {
                path: '第 3 行·身份证号',
                message: '身份证号校验位不正确',
                row: 3,
                field: '身份证号',
                reason: '身份证号校验位不正确',
              },
              {
                path: '第 7 行·入职日期',
                message: '不是有效的日期',
                row: 7,
                field: '入职日期',
                reason: '不是有效的日期',
              },
            ],
          },
        },
      },
    });
    render(<SubsidyImportPage />);
    await chooseAndImport('2020');
    expect((api.calls[0]!.data as { format: string }).format).toBe('xlsx');
    expect(screen.getByText('有误的行（共 2 行）')).toBeTruthy();
    expect(screen.getByText('第 3 行 · 身份证号：身份证号校验位不正确')).toBeTruthy();
    expect(screen.getByText('第 7 行 · 入职日期：不是有效的日期')).toBeTruthy();
    expect(screen.getByText('有 2 行数据有误，本次未导入任何数据，请修改后重新导入')).toBeTruthy();
    expect(screen.queryByText(/^已导入/)).toBeNull();
  });

  it('when the period is not a year or the file is over 2 MB, then the page says why and nothing is sent', async () => {
    (chooseDocument as jest.Mock).mockResolvedValue(picked('大文件.csv', GBK_BYTES, 3 * 1024 * 1024));
    const api = installFakeApi({});
    render(<SubsidyImportPage />);
    await chooseAndImport('20');
    expect(screen.getByText('期次应为年份，如 2020')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('如 2020'), { target: { value: '2020' } });
    fireEvent.click(screen.getByText('开始导入'));
    await flush();
    expect(screen.getByText('文件过大，请分批导入（每批不超过 2 MB）')).toBeTruthy();
    expect(api.calls).toHaveLength(0);
  });

  it('when the officer is 财政局, which leads no import, then there is nothing to import', async () => {
    saveSession(officerOf('czj'));
    render(<SubsidyImportPage />);
    expect(screen.getByText('免申即享数据由牵头部门导入')).toBeTruthy();
    expect(screen.queryByText('开始导入')).toBeNull();
  });
});
