export default definePageConfig({ navigationBarTitleText: '用工缺口' });
