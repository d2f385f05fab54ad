import { useCallback, useEffect, useRef } from 'react';
import { Text, View } from '@tarojs/components';
import { loginMethod } from '../../platform';
import { goHome } from '../../navigation';
import { useSession } from '../../hooks/session';
import { PrivacyPrompt } from '../../components/privacy-prompt';
import { PhoneLoginForm } from './components/phone-login-form';
import { WechatLogin } from './components/wechat-login';
import { WechatPhoneLogin } from './components/wechat-phone-login';
import './index.css';

/** Sign-in: WeChat one-tap in the mini-program, phone + one-time code in the browser. */
export default function LoginPage() {
  const session = useSession();
  // Home once: a sign-in both reports success and makes a session, and each used to reLaunch
  // home, so home loaded twice (every call twice) and in WeChat the second page could miss its
  // first render.
  const left = useRef(false);
  const leave = useCallback(() => {
    if (left.current) return;
    left.current = true;
    goHome();
  }, []);

  // Someone already signed in (e.g. opened a bookmarked login link) goes straight home.
  useEffect(() => {
    if (session) leave();
  }, [session, leave]);

  return (
    <View className="login">
      <View className="login__brand">
        <Text className="login__title">复工通</Text>
        <Text className="login__tagline">返岗直通车 · 健康打卡 · 复工服务</Text>
      </View>
      <View className="login__card">
        {loginMethod === 'wechat' ? (
          <>
            <WechatLogin onSignedIn={leave} />
            <WechatPhoneLogin onSignedIn={leave} />
            {/* The phone number is a privacy interface: without this, WeChat's hold of the first
                getPhoneNumber tap could only be declined and staff could never sign in. */}
            <PrivacyPrompt purpose="用微信手机号登录要读取您在微信绑定的手机号" />
          </>
        ) : (
          <PhoneLoginForm onSignedIn={leave} />
        )}
      </View>
      <Text className="login__footnote">遇到问题可拨打 12345 政务服务热线</Text>
    </View>
  );
}
