export default definePageConfig({ navigationBarTitleText: '地区风险等级' });
