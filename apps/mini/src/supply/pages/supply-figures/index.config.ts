export default definePageConfig({ navigationBarTitleText: '产业链协同' });
