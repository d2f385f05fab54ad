export default definePageConfig({ navigationBarTitleText: '服务覆盖' });
