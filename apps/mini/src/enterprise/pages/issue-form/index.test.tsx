import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setRouterParams } from '../../../../test-support/taro';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { saveSession } from '../../../services/session-vault';
import { choosePhotos } from '../../../platform';
import { uploadIssuePhoto } from '../../../services/upload';
import IssueFormPage from './index';

jest.mock('../../../platform', () => ({
  ...jest.requireActual('../../../platform'),
  choosePhotos: jest.fn(),
}));
jest.mock('../../../services/upload', () => ({ uploadIssuePhoto: jest.fn() }));

const FIRM = '64b7f0c2a1b2c3d4e5f60799';
const ISSUE = '64b7f0c2a1b2c3d4e5f60702';
const flush = () =>
  act(async () => {
    for (let i = 0; i < 6; i += 1) await Promise.resolve();
  });

beforeEach(() => {
  saveSession(sessionFor(['liaison']));
  setRouterParams({ enterpriseId: FIRM });
  (uploadIssuePhoto as jest.Mock).mockReset();
});

const describeAndSend = async () => {
  fireEvent.click(screen.getByText('原材料'));
  fireEvent.change(screen.getByPlaceholderText('请描述遇到的困难，如缺工人数、缺少的原材料'), {
    target: { value: '原料断供，库存只够三天' },
  });
  fireEvent.click(screen.getByText('提交问题'));
  await flush();
};

describe('问题申报 page', () => {
  it('when a photo is added and the issue sent, then the issue is created first and the photo uploaded to it', async () => {
    const photo = {
      path: 'wxfile://tmp/shed.jpg',
      name: 'shed.jpg',
      size: 2_000_000,
      thumbnailBase64: '/9j/4AAQ',
    };
    (choosePhotos as jest.Mock).mockResolvedValueOnce([photo]);
    (uploadIssuePhoto as jest.Mock).mockResolvedValueOnce({ id: 'p1' });
    const api = installFakeApi({ 'POST /api/issues': { status: 201, body: { id: ISSUE } } });
    render(<IssueFormPage />);
    fireEvent.click(screen.getByText('添加照片'));
    await flush();
    expect(screen.getByText('已添加：shed.jpg')).toBeTruthy();
    await describeAndSend();
    expect(api.calls.map((c) => c.path)).toEqual(['/api/issues']);
    expect(api.calls[0].data).toMatchObject({ enterpriseId: FIRM, category: 'materials', attachmentIds: [] });
    expect(uploadIssuePhoto).toHaveBeenCalledWith(ISSUE, photo, { silent: true });
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `/enterprise/pages/issue-detail/index?id=${ISSUE}` });
  });

  it('when the server refuses a photo, then the issue still stands and the person is told which photo and why before leaving', async () => {
    (choosePhotos as jest.Mock).mockResolvedValueOnce([
      { path: 'blob:1', name: 'notes.jpg', size: 10 },
      { path: 'blob:2', name: 'shed.jpg', size: 10 },
    ]);
    (uploadIssuePhoto as jest.Mock)
      .mockRejectedValueOnce(new Error('只能上传 JPG、PNG、WebP 或 HEIC 照片'))
      .mockResolvedValueOnce({ id: 'p2' });
    let leave: (value: unknown) => void = () => undefined;
    (Taro.showModal as jest.Mock).mockImplementationOnce(() => new Promise((resolve) => (leave = resolve)));
    installFakeApi({ 'POST /api/issues': { status: 201, body: { id: ISSUE } } });
    render(<IssueFormPage />);
    fireEvent.click(screen.getByText('添加照片'));
    await flush();
    await describeAndSend();
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({
        title: '1 张照片未上传',
        content: '问题已提交。notes.jpg：只能上传 JPG、PNG、WebP 或 HEIC 照片',
        showCancel: false,
      }),
    );
    // The issue page opens only once the person has read why.
    expect(Taro.redirectTo).not.toHaveBeenCalled();
    leave({ confirm: true, cancel: false });
    await flush();
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `/enterprise/pages/issue-detail/index?id=${ISSUE}` });
  });

  it('when the photo is too large, then the reason is shown and nothing is sent', async () => {
    (choosePhotos as jest.Mock).mockRejectedValueOnce(new Error('照片超过 10 MB，请换一张或压缩后再选'));
    const api = installFakeApi({});
    render(<IssueFormPage />);
    fireEvent.click(screen.getByText('添加照片'));
    await flush();
    expect(screen.getByText('照片超过 10 MB，请换一张或压缩后再选')).toBeTruthy();
    expect(api.calls).toHaveLength(0);
  });

  it('when no category is chosen, then the field says so and nothing is sent', async () => {
    const api = installFakeApi({});
    render(<IssueFormPage />);
    fireEvent.change(screen.getByPlaceholderText('请描述遇到的困难，如缺工人数、缺少的原材料'), {
      target: { value: '原料断供，库存只够三天' },
    });
    fireEvent.click(screen.getByText('提交问题'));
    await flush();
    expect(screen.getByText('请选择问题类别')).toBeTruthy();
    expect(api.calls).toHaveLength(0);
  });
});
