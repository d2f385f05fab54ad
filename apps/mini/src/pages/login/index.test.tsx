import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { apiError, installFakeApi, sessionFor } from '../../../test-support/fake-api';
import { getSession } from '../../services/session-vault';
import LoginPage from './index';

function typeInto(placeholder: string, value: string) {
  fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } });
}

/** Lets pending promises (fake API replies, state updates) settle inside act. */
async function flush() {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(0);
  });
}

beforeEach(() => {
  jest.useFakeTimers();
});

afterEach(() => {
  jest.useRealTimers();
});

describe('login page (H5: phone + one-time code)', () => {
  it('when the phone number is incomplete, then the field says so and no code is requested', async () => {
    const { calls } = installFakeApi({});
    render(<LoginPage />);

    typeInto('请输入 11 位手机号', '1380000');
    fireEvent.click(screen.getByRole('button', { name: '获取验证码' }));
    await flush();

    expect(screen.getByText('请输入 11 位手机号')).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it('when a code is requested, then the button counts down and only re-enables when the wait is over', async () => {
    const { calls } = installFakeApi({
      'POST /api/auth/otp': { status: 200, body: { sent: true, retryAfterSec: 60 } },
    });
    render(<LoginPage />);

    typeInto('请输入 11 位手机号', '13800000001');
    fireEvent.click(screen.getByRole('button', { name: '获取验证码' }));
    await flush();

    expect(calls[0].data).toEqual({ phone: '13800000001' });
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '验证码已发送' }));
    const button = screen.getByRole('button', { name: '60 秒后重发' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);

    await act(async () => {
      await jest.advanceTimersByTimeAsync(59_000);
    });
    expect(screen.getByRole('button', { name: '1 秒后重发' })).toBeTruthy();
    await act(async () => {
      await jest.advanceTimersByTimeAsync(1_000);
    });
    expect((screen.getByRole('button', { name: '获取验证码' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('when the code is not 6 digits, then the code field says so and nothing is sent', async () => {
    const { calls } = installFakeApi({});
    render(<LoginPage />);

    typeInto('请输入 11 位手机号', '13800000001');
    typeInto('6 位验证码', '12');
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    await flush();

    expect(screen.getByText('请输入 6 位验证码')).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it('when the code is wrong, then the server message shows under the code field without a toast', async () => {
    installFakeApi({ 'POST /api/auth/login/phone': apiError(401, 'OTP_INVALID', '验证码错误或已过期') });
    render(<LoginPage />);

    typeInto('请输入 11 位手机号', '13800000001');
    typeInto('6 位验证码', '000000');
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    await flush();

    expect(screen.getByText('验证码错误或已过期')).toBeTruthy();
    expect(Taro.showToast).not.toHaveBeenCalled();
    expect(getSession()).toBeNull();
  });

  it('when the server rejects the phone field, then its message shows under the phone field', async () => {
    installFakeApi({
      'POST /api/auth/otp': apiError(400, 'VALIDATION_ERROR', '提交的信息有误', [
        { path: 'phone', message: '该手机号暂不能登录', code: 'custom' },
      ]),
    });
    render(<LoginPage />);

    typeInto('请输入 11 位手机号', '13800000009');
    fireEvent.click(screen.getByRole('button', { name: '获取验证码' }));
    await flush();

    expect(screen.getByText('该手机号暂不能登录')).toBeTruthy();
  });

  it('when sign-in succeeds, then the session is stored and the worker lands on the home page', async () => {
    const { calls } = installFakeApi({
      'POST /api/auth/login/phone': { status: 200, body: sessionFor(['worker']) },
    });
    render(<LoginPage />);

    typeInto('请输入 11 位手机号', '13800000001');
    typeInto('6 位验证码', '123456');
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    await flush();

    expect(calls[0].data).toEqual({ phone: '13800000001', code: '123456' });
    expect(getSession()?.user.roles).toEqual(['worker']);
    // Once: a second reLaunch would load home twice.
    expect((Taro.reLaunch as jest.Mock).mock.calls).toEqual([[{ url: '/pages/home/index' }]]);
  });

  it('when the network drops during sign-in and the person taps again, then the retry reuses the same Idempotency-Key', async () => {
    const { calls } = installFakeApi({
      'POST /api/auth/login/phone': [
        { fail: 'network' },
        { fail: 'network' },
        { fail: 'network' },
        { status: 200, body: sessionFor(['worker']) },
      ],
    });
    render(<LoginPage />);
    typeInto('请输入 11 位手机号', '13800000001');
    typeInto('6 位验证码', '123456');

    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    await act(async () => {
      await jest.runAllTimersAsync();
    });
    expect(screen.getByText('网络不给力，请检查网络后重试')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    await flush();

    expect(calls).toHaveLength(4);
    expect(new Set(calls.map((c) => c.header['Idempotency-Key'])).size).toBe(1);
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' });
  });
});
