export default definePageConfig({ navigationBarTitleText: '免申即享审核' });
