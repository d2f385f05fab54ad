import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setRouterParams } from '../../../test-support/taro';
import BuildingPage from './index';

describe('功能建设中 page', () => {
  it('when opened from a tile, then it names the feature, says honestly it is not ready, and offers the way back', () => {
    setRouterParams({ title: encodeURIComponent('找班车') });

    render(<BuildingPage />);

    expect(screen.getByText('「找班车」功能建设中')).toBeTruthy();
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '找班车' });
    fireEvent.click(screen.getByRole('button', { name: '返回首页' }));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' });
  });
});
