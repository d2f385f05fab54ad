export default definePageConfig({ navigationBarTitleText: '货车通行证' });
