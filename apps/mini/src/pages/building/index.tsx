import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PAGES } from '../../navigation';
import './index.css';

/**
 * Where a home tile leads while its feature is not built yet. Says so plainly rather than
 * showing an empty list a worker might take for "no buses today".
 */
export default function BuildingPage() {
  const { params } = useRouter();
  const title = params.title ? decodeURIComponent(params.title) : '该功能';

  useEffect(() => {
    if (params.title) void Taro.setNavigationBarTitle({ title });
  }, [params.title, title]);

  return (
    <View className="building">
      <View className="building__mark">
        <Text>建</Text>
      </View>
      <Text className="building__title">「{title}」功能建设中</Text>
      <Text className="building__text">这项服务还在开发，暂时不能在手机上办理。</Text>
      <Text className="building__text">
        如有急事，请联系所在企业的联络员或复工管家，或拨打 12345 政务服务热线。
      </Text>
      <Button
        className="building__back"
        type="primary"
        onClick={() => void Taro.switchTab({ url: PAGES.home })}
      >
        返回首页
      </Button>
    </View>
  );
}
