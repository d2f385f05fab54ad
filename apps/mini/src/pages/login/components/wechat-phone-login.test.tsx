import { act, fireEvent, render, screen } from '@testing-library/react';
import { apiError, installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { getSession } from '../../../services/session-vault';
import { WechatPhoneLogin } from './wechat-phone-login';

// WeChat's phone button as a plain button: a tap is 允许 with this one-time code.
jest.mock('../../../platform/phone-number-button', () => ({
  PhoneNumberButton: ({ onCode, children }: { onCode: (code: string) => void; children: unknown }) => (
    <button onClick={() => onCode('phone-code-1')}>{children as string}</button>
  ),
}));

const flush = () =>
  act(async () => {
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
  });

const newWorker = { ...sessionFor(['worker'], { token: 'wechat-worker-token' }) };
newWorker.user = { ...newWorker.user, phoneMasked: null, name: null, hasProfile: false };
const marshal = sessionFor(['transport'], { token: 'marshal-token' });

describe('工作人员：微信手机号登录', () => {
  it('when WeChat vouches for a registered phone, then the session kept is that account with its roles', async () => {
    const api = installFakeApi({
      'POST /api/auth/login/wechat': { status: 200, body: newWorker },
      'POST /api/auth/phone/wechat': { status: 200, body: marshal },
    });
    const signedIn = jest.fn();
    render(<WechatPhoneLogin onSignedIn={signedIn} />);
    fireEvent.click(screen.getByText('工作人员：微信手机号登录'));
    await flush();
    expect(api.calls.map((c) => c.path)).toEqual(['/api/auth/login/wechat', '/api/auth/phone/wechat']);
    // The bind is made as the WeChat account just signed in.
    expect(api.calls[1].header.Authorization).toBe('Bearer wechat-worker-token');
    expect(api.calls[1].data).toEqual({ code: 'phone-code-1' });
    expect(getSession()?.user.roles).toEqual(['transport']);
    expect(signedIn).toHaveBeenCalledTimes(1);
  });

  it('when WeChat refuses the phone code, then the reason stays on the login page and nobody is signed in as a new worker', async () => {
    installFakeApi({
      'POST /api/auth/login/wechat': { status: 200, body: newWorker },
      'POST /api/auth/phone/wechat': apiError(
        422,
        'BUSINESS_RULE',
        '手机号授权已失效，请重新点击按钮授权手机号',
      ),
    });
    const signedIn = jest.fn();
    render(<WechatPhoneLogin onSignedIn={signedIn} />);
    fireEvent.click(screen.getByText('工作人员：微信手机号登录'));
    await flush();
    expect(screen.getByText('手机号授权已失效，请重新点击按钮授权手机号')).toBeTruthy();
    // A kept worker session would send the login page home at once, hiding the reason.
    expect(getSession()).toBeNull();
    expect(signedIn).not.toHaveBeenCalled();
  });
});
