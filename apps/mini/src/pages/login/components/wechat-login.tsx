import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { wechatLoginSchema } from '@fugong/contracts';
import { wechatLoginCode } from '../../../platform';
import { signInWithWechat } from '../../../hooks/session';

export interface WechatLoginProps {
  onSignedIn: () => void;
}

/** Mini-program sign-in: wx.login's code exchanged at the BFF, one tap, no typing. */
export function WechatLogin({ onSignedIn }: WechatLoginProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const signIn = async () => {
    setBusy(true);
    setError('');
    try {
      const parsed = wechatLoginSchema.safeParse({ code: await wechatLoginCode() });
      if (!parsed.success) throw new Error('微信登录失败，请稍后重试');
      await signInWithWechat(parsed.data.code, { silent: true });
      onSignedIn();
    } catch (failure) {
      setError(failure instanceof Error && failure.message ? failure.message : '微信登录失败，请稍后重试');
      setBusy(false);
    }
  };

  return (
    <View className="wechat-login">
      {error ? <Text className="login-form-error">{error}</Text> : null}
      <Button type="success" block loading={busy} disabled={busy} onClick={signIn}>
        微信一键登录
      </Button>
    </View>
  );
}
