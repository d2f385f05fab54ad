import { act, fireEvent, render, screen } from '@testing-library/react';
import { divisionsReply } from '../../../test-support/fixtures';
import { installFakeApi } from '../../../test-support/fake-api';
import { RegionPicker } from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 4; i += 1) await Promise.resolve();
  });

/** The picker as the check-in page places it, with `finest` when it may go on to the street. */
function renderPicker(finest?: 'town') {
  const onChange = jest.fn();
  render(
    <RegionPicker
      value=""
      finest={finest}
      label="到过的地区"
      placeholder="添加到过的地区"
      onChange={onChange}
    />,
  );
  return onChange;
}

async function walk(names: string[]) {
  fireEvent.click(screen.getByText('添加到过的地区'));
  for (const name of names) {
    await flush();
    fireEvent.click(screen.getByText(name));
  }
  await flush();
}

describe('region picker', () => {
  beforeEach(() => installFakeApi({ 'GET /api/divisions': divisionsReply }));

  it('when a finer level is allowed, then a worker can go on to the street and the 9-digit town code is chosen', async () => {
    const onChange = renderPicker('town');
    await walk(['贵州省', '贵阳市', '南明区', '遵义路街道']);
    expect(onChange).toHaveBeenCalledWith('520102002', ['贵州省', '贵阳市', '南明区', '遵义路街道']);
  });

  it('when a worker knows only the county, then "the whole county" answers with its 6-digit code', async () => {
    const onChange = renderPicker('town');
    await walk(['贵州省', '贵阳市', '南明区']);
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('整个南明区（不细到乡镇、街道）'));
    expect(onChange).toHaveBeenCalledWith('520102', ['贵州省', '贵阳市', '南明区']);
  });

  it('when no finer level is asked for, then choosing the county ends the choice', async () => {
    const onChange = renderPicker();
    await walk(['贵州省', '贵阳市', '南明区']);
    expect(onChange).toHaveBeenCalledWith('520102', ['贵州省', '贵阳市', '南明区']);
    expect(screen.queryByText('遵义路街道')).toBeNull();
  });
});
