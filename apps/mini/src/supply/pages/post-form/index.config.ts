export default definePageConfig({ navigationBarTitleText: '发布供需' });
