export default definePageConfig({ navigationBarTitleText: '批量指派管家' });
