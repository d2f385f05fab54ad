export default definePageConfig({ navigationBarTitleText: '批量授权' });
