export default definePageConfig({ navigationBarTitleText: '上车核验' });
