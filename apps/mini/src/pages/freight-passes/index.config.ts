export default definePageConfig({ navigationBarTitleText: '本企业通行证', enablePullDownRefresh: false });
