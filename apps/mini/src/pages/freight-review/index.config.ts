export default definePageConfig({ navigationBarTitleText: '通行证审核' });
