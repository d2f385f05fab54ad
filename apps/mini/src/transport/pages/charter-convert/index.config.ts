export default definePageConfig({ navigationBarTitleText: '包车需求转班次' });
