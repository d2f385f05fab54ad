export default definePageConfig({ navigationBarTitleText: '班车详情' });
