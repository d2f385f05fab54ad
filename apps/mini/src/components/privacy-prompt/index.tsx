import { useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import {
  PRIVACY_AGREE_BUTTON_ID,
  agreePrivacy,
  declinePrivacy,
  openPrivacyContract,
  subscribePrivacyPrompt,
} from '../../platform/privacy';
import './index.css';

/**
 * The explanation WeChat's privacy check asks for before the camera, the album or the phone
 * number is used. Mount it on every page that uses one of them; it stays hidden until WeChat
 * holds such a call (see platform/privacy.ts).
 */
export function PrivacyPrompt({ purpose }: { purpose: string }) {
  const [open, setOpen] = useState(false);
  useEffect(() => subscribePrivacyPrompt(setOpen), []);
  if (!open) return null;
  return (
    <View className="privacy-prompt" role="dialog">
      <View className="privacy-prompt__box">
        <Text className="privacy-prompt__title">隐私保护提示</Text>
        <Text className="privacy-prompt__text">
          {purpose}，复工通需要您同意《复工通隐私保护指引》。我们只在您操作时使用，不会另作他用。
        </Text>
        <Text className="privacy-prompt__link" onClick={openPrivacyContract}>
          查看《复工通隐私保护指引》
        </Text>
        <View className="privacy-prompt__actions">
          <Button className="privacy-prompt__decline" onClick={declinePrivacy}>
            拒绝
          </Button>
          <Button
            id={PRIVACY_AGREE_BUTTON_ID}
            className="privacy-prompt__agree"
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={() => agreePrivacy(PRIVACY_AGREE_BUTTON_ID)}
          >
            同意
          </Button>
        </View>
      </View>
    </View>
  );
}
