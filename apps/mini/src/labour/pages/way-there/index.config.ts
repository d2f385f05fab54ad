export default definePageConfig({ navigationBarTitleText: '返岗车次' });
