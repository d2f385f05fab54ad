/** Paths of the enterprise/steward/issue pages (registered in app.config.ts). */
export const PAGES = {
  enterpriseHome: '/pages/enterprise-home/index',
  report: '/pages/report/index',
  issueForm: '/pages/issue-form/index',
  issueDetail: '/pages/issue-detail/index',
  issueList: '/pages/issue-list/index',
  charterForm: '/pages/charter-form/index',
  staffBooking: '/pages/staff-booking/index',
  stewardEnterprises: '/pages/steward-enterprises/index',
  stewardEnterprise: '/pages/steward-enterprise/index',
  visitForm: '/pages/visit-form/index',
} as const;
