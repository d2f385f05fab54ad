import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { installFakeApi, sessionFor } from '../../../test-support/fake-api';
import { getSession, saveSession } from '../../services/session-vault';
import MePage from './index';

describe('我的 page', () => {
  it('when opened, then it shows the masked phone and the roles in Chinese', async () => {
    const session = sessionFor(['worker', 'liaison']);
    saveSession(session);
    installFakeApi({ 'GET /api/me': { status: 200, body: session.user } });

    render(<MePage />);
    await act(async () => {
      await Promise.resolve();
    });

    expect(screen.getAllByText('138****0001').length).toBeGreaterThan(0);
    expect(screen.getByText('务工人员')).toBeTruthy();
    expect(screen.getByText('企业联络员')).toBeTruthy();
    expect(document.body.textContent).not.toContain('13800000001');
  });

  it('when the person turns on 长辈模式, then the page grows at once and the choice is remembered', async () => {
    saveSession(sessionFor(['worker']));
    installFakeApi({ 'GET /api/me': { status: 200, body: sessionFor(['worker']).user } });
    render(<MePage />);
    fireEvent.click(screen.getByRole('switch', { name: '长辈模式' }));
    expect(document.documentElement.classList.contains('fg-elder')).toBe(true);
    expect(Taro.getStorageSync('fugong.elder.v1')).toBe('true');
    fireEvent.click(screen.getByRole('switch', { name: '长辈模式' }));
    expect(document.documentElement.classList.contains('fg-elder')).toBe(false);
  });

  it('when the person confirms 退出登录, then the session is gone and the login page opens', async () => {
    saveSession(sessionFor(['worker']));
    installFakeApi({ 'POST /api/auth/logout': { status: 200, body: { ok: true } } });
    render(<MePage />);

    fireEvent.click(screen.getByRole('button', { name: '退出登录' }));
    await act(async () => {
      await Promise.resolve();
    });

    expect(Taro.showModal).toHaveBeenCalled();
    expect(getSession()).toBeNull();
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });

  it('when the person cancels 退出登录, then they stay signed in', async () => {
    saveSession(sessionFor(['worker']));
    installFakeApi({});
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    render(<MePage />);

    fireEvent.click(screen.getByRole('button', { name: '退出登录' }));
    await act(async () => {
      await Promise.resolve();
    });

    expect(getSession()).not.toBeNull();
    expect(Taro.reLaunch).not.toHaveBeenCalled();
  });
});
