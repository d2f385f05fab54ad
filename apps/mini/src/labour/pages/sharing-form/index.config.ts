export default definePageConfig({ navigationBarTitleText: '发布用工调剂' });
