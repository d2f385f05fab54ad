export default definePageConfig({ navigationBarTitleText: '用工调剂' });
