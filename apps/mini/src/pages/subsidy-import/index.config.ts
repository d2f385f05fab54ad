export default definePageConfig({ navigationBarTitleText: '免申即享数据导入' });
