export default definePageConfig({ navigationBarTitleText: '乘客名单' });
