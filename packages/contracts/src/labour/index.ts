/** 用工服务 contracts: vacancies, job seekers, applications, labour sharing, figures. */
export * from './labels';
export * from './vacancy';
export * from './seeker';
export * from './application';
export * from './sharing';
export * from './figures';
export * from './agency';
export * from './routes';
