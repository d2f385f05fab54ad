export default definePageConfig({ navigationBarTitleText: '预订结果' });
