export default definePageConfig({
  navigationBarTitleText: '复工通',
});
