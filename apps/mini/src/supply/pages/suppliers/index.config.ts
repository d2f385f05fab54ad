export default definePageConfig({ navigationBarTitleText: '核心配套供应商' });
