export default definePageConfig({ navigationBarTitleText: '匹配人选' });
