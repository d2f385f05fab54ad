export default definePageConfig({ navigationBarTitleText: '供需信息' });
