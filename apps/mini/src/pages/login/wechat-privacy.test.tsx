import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { listenForPrivacyAuthorization } from '../../platform/privacy';
import LoginPage from './index';

// The login page as the mini-program builds it: WeChat sign-in and the phone-number button.
jest.mock('../../platform', () => ({
  ...jest.requireActual('../../platform'),
  loginMethod: 'wechat',
  canBindPhone: true,
}));

type Resolve = (option: { event: string; buttonId?: string }) => void;
let holdPhoneNumber: (resolve: Resolve) => void = () => undefined;

beforeAll(() => {
  // WeChat's privacy hook, registered at launch as the app does in the mini-program.
  (Taro as unknown as Record<string, unknown>).onNeedPrivacyAuthorization = jest.fn(
    (listener: typeof holdPhoneNumber) => {
      holdPhoneNumber = listener;
    },
  );
  const env = process.env.TARO_ENV;
  process.env.TARO_ENV = 'weapp';
  listenForPrivacyAuthorization();
  process.env.TARO_ENV = env;
});

describe('login page in WeChat: the phone number behind the privacy check', () => {
  it('when WeChat holds the first 微信手机号登录 tap for consent, then the page explains why and 同意 lets it go on', async () => {
    render(<LoginPage />);
    expect(screen.getByText('工作人员：微信手机号登录')).toBeTruthy();
    const answers: { event: string; buttonId?: string }[] = [];
    act(() => holdPhoneNumber((option) => answers.push(option)));
    expect(screen.getByText('隐私保护提示')).toBeTruthy();
    expect(screen.getByText(/用微信手机号登录要读取您在微信绑定的手机号/)).toBeTruthy();
    // Not the page-less fallback, which can only decline.
    expect(Taro.showModal).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('同意'));
    expect(answers).toEqual([
      { event: 'exposureAuthorization' },
      { buttonId: 'privacy-agree', event: 'agree' },
    ]);
    expect(screen.queryByText('隐私保护提示')).toBeNull();
  });
});
