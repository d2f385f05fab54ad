export default definePageConfig({
  navigationBarTitleText: '功能建设中',
});
