export default definePageConfig({ navigationBarTitleText: '问题申报' });
