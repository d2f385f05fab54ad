import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import { loginMethod } from '../../platform';
import { goHome } from '../../navigation';
import { useSession } from '../../hooks/session';
import { PhoneLoginForm } from './components/phone-login-form';
import { WechatLogin } from './components/wechat-login';
import { WechatPhoneLogin } from './components/wechat-phone-login';
import './index.css';

/** Sign-in: WeChat one-tap in the mini-program, phone + one-time code in the browser. */
export default function LoginPage() {
  const session = useSession();

  // Someone already signed in (e.g. opened a bookmarked login link) goes straight home.
  useEffect(() => {
    if (session) goHome();
  }, [session]);

  return (
    <View className="login">
      <View className="login__brand">
        <Text className="login__title">复工通</Text>
        <Text className="login__tagline">返岗直通车 · 健康打卡 · 复工服务</Text>
      </View>
      <View className="login__card">
        {loginMethod === 'wechat' ? (
          <>
            <WechatLogin onSignedIn={goHome} />
            <WechatPhoneLogin onSignedIn={goHome} />
          </>
        ) : (
          <PhoneLoginForm onSignedIn={goHome} />
        )}
      </View>
      <Text className="login__footnote">遇到问题可拨打 12345 政务服务热线</Text>
    </View>
  );
}
