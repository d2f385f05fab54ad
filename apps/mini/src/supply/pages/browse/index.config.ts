export default definePageConfig({ navigationBarTitleText: '供需总览' });
