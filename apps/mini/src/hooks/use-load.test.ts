import { act, renderHook } from '@testing-library/react';
import { fireDidShow, missFirstShow } from '../../test-support/taro';
import { useLoad } from './use-load';

/** A load the test answers by hand, counting how often the page asked. */
function manualLoad() {
  const pending: ((items: string[]) => void)[] = [];
  const load = jest.fn(() => new Promise<string[]>((resolve) => pending.push(resolve)));
  const answer = async (items: string[]) => {
    await act(async () => {
      pending.shift()!(items);
    });
  };
  return { load, answer };
}

describe('useLoad (every list and detail page)', () => {
  it('when a page’s first show went by before it mounted (a lazily loaded H5 subpackage page), then it still loads, once', async () => {
    missFirstShow();
    const { load, answer } = manualLoad();
    const { result } = renderHook(() => useLoad(load, (d) => d.length === 0));
    expect(result.current.status).toBe('loading');
    expect(load).toHaveBeenCalledTimes(1);
    await answer(['需求一']);
    expect(result.current).toMatchObject({ status: 'ready', data: ['需求一'] });
  });

  it('when the first show arrives as the page mounts, then mount and show ask once between them, and a later show asks again', async () => {
    const { load, answer } = manualLoad();
    const { result } = renderHook(() => useLoad(load));
    expect(load).toHaveBeenCalledTimes(1);
    await answer([]);
    act(() => fireDidShow());
    expect(load).toHaveBeenCalledTimes(2);
    await answer(['新提交的问题']);
    expect(result.current.data).toEqual(['新提交的问题']);
  });

  it('when a reload follows a change while a load is running, then one more load runs after it and its answer is what shows', async () => {
    const { load, answer } = manualLoad();
    const { result } = renderHook(() => useLoad(load));
    act(() => result.current.reload());
    act(() => fireDidShow());
    expect(load).toHaveBeenCalledTimes(1);
    await answer(['改之前']);
    expect(load).toHaveBeenCalledTimes(2);
    await answer(['改之后']);
    expect(result.current.data).toEqual(['改之后']);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
