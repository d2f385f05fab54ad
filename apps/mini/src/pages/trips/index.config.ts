export default definePageConfig({ navigationBarTitleText: '找班车' });
