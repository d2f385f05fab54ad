import { sessionFor } from '../../test-support/fake-api';
import { uploadPhoto } from '../platform';
import { saveSession } from './session-vault';
import { uploadIssuePhoto } from './upload';

jest.mock('../platform', () => ({ ...jest.requireActual('../platform'), uploadPhoto: jest.fn() }));

const ISSUE = '64b7f0c2a1b2c3d4e5f60702';
const photo = { path: 'wxfile://tmp/a.jpg', name: 'a.jpg', size: 100 };

beforeEach(() => {
  (uploadPhoto as jest.Mock).mockReset();
  saveSession(sessionFor(['liaison']));
});

describe('uploadIssuePhoto', () => {
  it('when the BFF stores the photo, then its answer comes back and the upload went to the issue’s photo route with the token', async () => {
    (uploadPhoto as jest.Mock).mockResolvedValueOnce({
      statusCode: 201,
      data: { id: 'p1', hasThumbnail: true },
    });
    await expect(uploadIssuePhoto(ISSUE, photo, { silent: true })).resolves.toMatchObject({ id: 'p1' });
    const [path, token, sent] = (uploadPhoto as jest.Mock).mock.calls[0];
    expect(path).toBe(`/api/issues/${ISSUE}/photos`);
    expect(typeof token).toBe('string');
    expect(sent).toBe(photo);
  });

  it('when the BFF refuses the photo, then one ApiError carries its code and Chinese message', async () => {
    (uploadPhoto as jest.Mock).mockResolvedValueOnce({
      statusCode: 413,
      data: { error: { code: 'ATTACHMENT_TOO_LARGE', message: '照片超过 10 MB，请压缩后再上传' } },
    });
    await expect(uploadIssuePhoto(ISSUE, photo, { silent: true })).rejects.toMatchObject({
      status: 413,
      code: 'ATTACHMENT_TOO_LARGE',
      message: '照片超过 10 MB，请压缩后再上传',
    });
  });

  it('when nothing comes back (no signal), then a network ApiError', async () => {
    (uploadPhoto as jest.Mock).mockRejectedValueOnce(new Error('uploadFile:fail'));
    await expect(uploadIssuePhoto(ISSUE, photo, { silent: true })).rejects.toMatchObject({
      code: 'NETWORK_ERROR',
    });
  });
});
