import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setRouterParams } from '../../../../test-support/taro';
import { installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { saveSession } from '../../../services/session-vault';
import { pickImage } from '../../../platform/image-file';
import IssueFormPage from './index';

jest.mock('../../../platform/image-file', () => ({ pickImage: jest.fn() }));

const FIRM = '64b7f0c2a1b2c3d4e5f60799';
const IMG = '64b7f0c2a1b2c3d4e5f60701';
const flush = () =>
  act(async () => {
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
  });

beforeEach(() => {
  saveSession(sessionFor(['liaison']));
  setRouterParams({ enterpriseId: FIRM });
});

describe('问题申报 page', () => {
  it('when a photo is added and the issue sent, then the photo is uploaded first and the issue carries its id', async () => {
    (pickImage as jest.Mock).mockResolvedValueOnce({
      filename: 'shed.jpg',
      contentType: 'image/jpeg',
      dataBase64: '/9j/4AAQ',
      size: 6,
    });
    const api = installFakeApi({
      'POST /api/attachments': {
        status: 201,
        body: { id: IMG, contentType: 'image/jpeg', size: 6, filename: 'shed.jpg' },
      },
      'POST /api/issues': { status: 201, body: { id: '64b7f0c2a1b2c3d4e5f60702' } },
    });
    render(<IssueFormPage />);
    fireEvent.click(screen.getByText('添加图片'));
    await flush();
    expect(screen.getByText('已添加：shed.jpg')).toBeTruthy();
    fireEvent.click(screen.getByText('原材料'));
    fireEvent.change(screen.getByPlaceholderText('请描述遇到的困难，如缺工人数、缺少的原材料'), {
      target: { value: '原料断供，库存只够三天' },
    });
    fireEvent.click(screen.getByText('提交问题'));
    await flush();
    expect(api.calls.map((c) => c.path)).toEqual(['/api/attachments', '/api/issues']);
    expect(api.calls[1].data).toMatchObject({
      enterpriseId: FIRM,
      category: 'materials',
      urgency: 'normal',
      attachmentIds: [IMG],
    });
    expect(Taro.redirectTo).toHaveBeenCalledWith({
      url: '/enterprise/pages/issue-detail/index?id=64b7f0c2a1b2c3d4e5f60702',
    });
  });

  it('when the photo is too large, then the reason is shown and nothing is uploaded', async () => {
    (pickImage as jest.Mock).mockRejectedValueOnce(
      new Error('图片过大（300 KB），请截图或选择不超过 70 KB 的图片'),
    );
    const api = installFakeApi({});
    render(<IssueFormPage />);
    fireEvent.click(screen.getByText('添加图片'));
    await flush();
    expect(screen.getByText('图片过大（300 KB），请截图或选择不超过 70 KB 的图片')).toBeTruthy();
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
