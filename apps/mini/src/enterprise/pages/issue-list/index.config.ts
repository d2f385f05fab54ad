export default definePageConfig({ navigationBarTitleText: '问题列表' });
