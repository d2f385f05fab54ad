export default definePageConfig({ navigationBarTitleText: '管家离岗移交' });
