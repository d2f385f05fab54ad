import { fireEvent, render, screen } from '@testing-library/react';
import { ApiError, connectionError } from '../../services/api-error';
import { PageState, statusForError } from './index';

describe('PageState', () => {
  it('when a load failed for lack of signal, then the page says 网络不给力 and 重试 reloads', () => {
    const retry = jest.fn();
    render(<PageState status={statusForError(connectionError(false))} onRetry={retry} />);

    expect(screen.getByText('网络不给力')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('when the server failed, then the page shows the server’s message rather than an offline notice', () => {
    const error = new ApiError({ status: 500, code: 'INTERNAL', message: '系统繁忙，请稍后重试' });
    render(
      <PageState status={statusForError(error)} description={error.message} onRetry={() => undefined} />,
    );

    expect(screen.getByText('加载失败')).toBeTruthy();
    expect(screen.getByText('系统繁忙，请稍后重试')).toBeTruthy();
  });

  it('when still loading, then there is no retry button to tap twice', () => {
    render(<PageState status="loading" onRetry={() => undefined} />);

    expect(screen.getByText('正在加载')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('when a page gives an empty headline, then it shows only once there is nothing, not while loading or offline', () => {
    const { rerender } = render(<PageState status="loading" emptyTitle="还没有人投递" />);
    expect(screen.queryByText('还没有人投递')).toBeNull();
    rerender(<PageState status="offline" emptyTitle="还没有人投递" />);
    expect(screen.getByText('网络不给力')).toBeTruthy();
    rerender(<PageState status="empty" emptyTitle="还没有人投递" />);
    expect(screen.getByText('还没有人投递')).toBeTruthy();
  });

  it('when a page says where things will come from, then that line shows only once there is nothing', () => {
    const line = '交通专班发布新班次后会显示在这里';
    const { rerender } = render(<PageState status="offline" emptyDescription={line} />);
    expect(screen.queryByText(line)).toBeNull();
    expect(screen.getByText('请检查手机网络后重试')).toBeTruthy();
    rerender(<PageState status="empty" emptyTitle="暂无可预订的班车" emptyDescription={line} />);
    expect(screen.getByText(line)).toBeTruthy();
  });

  it('when ready, then only the page content shows', () => {
    render(
      <PageState status="ready">
        <p>班次列表</p>
      </PageState>,
    );

    expect(screen.getByText('班次列表')).toBeTruthy();
    expect(screen.queryByText('正在加载')).toBeNull();
  });
});
