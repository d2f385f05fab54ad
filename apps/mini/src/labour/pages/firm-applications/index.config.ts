export default definePageConfig({ navigationBarTitleText: '投递与录用' });
