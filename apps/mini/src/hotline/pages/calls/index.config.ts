export default definePageConfig({ navigationBarTitleText: '来电记录' });
