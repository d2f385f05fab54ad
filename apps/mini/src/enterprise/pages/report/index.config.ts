export default definePageConfig({ navigationBarTitleText: '复工进度直报' });
