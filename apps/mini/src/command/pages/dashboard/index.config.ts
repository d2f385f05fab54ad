export default definePageConfig({ navigationBarTitleText: '指挥大屏' });
