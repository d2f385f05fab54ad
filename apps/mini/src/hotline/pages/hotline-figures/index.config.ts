export default definePageConfig({ navigationBarTitleText: '热线三率' });
