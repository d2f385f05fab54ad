export default definePageConfig({ navigationBarTitleText: '招工岗位' });
