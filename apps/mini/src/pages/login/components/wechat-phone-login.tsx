import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { wechatLoginCode } from '../../../platform';
import { PhoneNumberButton } from '../../../platform/phone-number-button';
import { signInWithWechatPhone } from '../../../hooks/session';

export interface WechatPhoneLoginProps {
  onSignedIn: () => void;
}

/**
 * Staff in WeChat: their roles are granted to their phone, so they sign in with wx.login and
 * then let WeChat vouch for the phone (getPhoneNumber); the BFF joins the two into one account.
 */
export function WechatPhoneLogin({ onSignedIn }: WechatPhoneLoginProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const withPhone = async (phoneCode: string) => {
    setBusy(true);
    setError('');
    try {
      await signInWithWechatPhone(await wechatLoginCode(), phoneCode, { silent: true });
      onSignedIn();
    } catch (failure) {
      setError(failure instanceof Error && failure.message ? failure.message : '手机号登录失败，请稍后重试');
      setBusy(false);
    }
  };

  return (
    <View className="wechat-phone-login">
      {error ? <Text className="login-form-error">{error}</Text> : null}
      <PhoneNumberButton
        disabled={busy}
        onCode={(code) => void withPhone(code)}
        onDenied={() => setError('未授权手机号。工作人员需用登记的手机号登录才能使用工作台')}
      >
        工作人员：微信手机号登录
      </PhoneNumberButton>
    </View>
  );
}
