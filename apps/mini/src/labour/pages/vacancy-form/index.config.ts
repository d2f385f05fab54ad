export default definePageConfig({ navigationBarTitleText: '发布空岗' });
