export default definePageConfig({ navigationBarTitleText: '申请货车通行证' });
