import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { installFakeApi, sessionFor } from '../../../test-support/fake-api';
import { saveSession } from '../../services/session-vault';
import { fetchImage } from '../../platform';
import { IssuePhotos } from './index';

jest.mock('../../platform', () => ({
  ...jest.requireActual('../../platform'),
  // The image bytes themselves: a local address per route, as downloadFile / a blob URL gives.
  fetchImage: jest.fn(async (url: string) => `local:${url}`),
}));

const ISSUE = '64b7f0c2a1b2c3d4e5f60702';
const WITH_THUMB = '64b7f0c2a1b2c3d4e5f60801';
const NO_THUMB = '64b7f0c2a1b2c3d4e5f60802';
const photo = (id: string, hasThumbnail: boolean) => ({
  id,
  issueId: ISSUE,
  contentType: 'image/png',
  size: 3_000_000,
  filename: 'shed.png',
  hasThumbnail,
});
const flush = () =>
  act(async () => {
    for (let i = 0; i < 8; i += 1) await Promise.resolve();
  });

beforeEach(() => {
  saveSession(sessionFor(['steward']));
  (fetchImage as jest.Mock).mockClear();
});

describe('现场照片 on an issue', () => {
  it('when the issue has photos, then their thumbnails show and a tap opens the original full screen', async () => {
    installFakeApi({
      [`GET /api/issues/${ISSUE}/photos`]: {
        status: 200,
        body: { items: [photo(WITH_THUMB, true), photo(NO_THUMB, false)] },
      },
    });
    const { container } = render(<IssuePhotos issueId={ISSUE} />);
    await flush();
    expect(screen.getByText('现场照片（2 张）')).toBeTruthy();
    const thumbs = Array.from(container.querySelectorAll('img')).map((img) => img.getAttribute('src'));
    expect(thumbs).toEqual([`local:/api/photos/${WITH_THUMB}/thumbnail`]);
    // The one without a thumbnail is still there to open.
    expect(screen.getByText('照片 2')).toBeTruthy();
    // Originals are audited reads: none is fetched until someone opens one.
    expect((fetchImage as jest.Mock).mock.calls.map((c) => c[0])).toEqual([
      `/api/photos/${WITH_THUMB}/thumbnail`,
    ]);

    fireEvent.click(screen.getByText('照片 2'));
    await flush();
    expect(Taro.previewImage).toHaveBeenCalledWith({
      urls: [`local:/api/photos/${NO_THUMB}`],
      current: `local:/api/photos/${NO_THUMB}`,
    });
  });

  it('when the issue has no photos, then nothing is shown', async () => {
    installFakeApi({ [`GET /api/issues/${ISSUE}/photos`]: { status: 200, body: { items: [] } } });
    const { container } = render(<IssuePhotos issueId={ISSUE} />);
    await flush();
    expect(container.textContent).toBe('');
  });

  it('when the original cannot be read, then the person is told and can try again', async () => {
    installFakeApi({
      [`GET /api/issues/${ISSUE}/photos`]: { status: 200, body: { items: [photo(NO_THUMB, false)] } },
    });
    render(<IssuePhotos issueId={ISSUE} />);
    await flush();
    (fetchImage as jest.Mock).mockRejectedValueOnce(new Error('照片读取失败（404）'));
    fireEvent.click(screen.getByText('照片 1'));
    await flush();
    expect(screen.getByText('原图打开失败，请稍后再试')).toBeTruthy();
    expect(Taro.previewImage).not.toHaveBeenCalled();
  });
});
