export default definePageConfig({ navigationBarTitleText: '我的通行码' });
