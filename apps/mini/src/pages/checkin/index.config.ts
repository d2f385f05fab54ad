export default definePageConfig({ navigationBarTitleText: '健康打卡' });
