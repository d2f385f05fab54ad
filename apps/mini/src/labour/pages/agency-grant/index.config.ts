export default definePageConfig({ navigationBarTitleText: '人力资源服务机构' });
