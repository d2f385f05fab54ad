/**
 * Page paths both apps use: the BFF writes them into notices (the inbox's deep link, the page a
 * WeChat subscribe message opens), the mini-program's PAGES registry is built on them. Written
 * as WeChat wants them in `page`: no leading slash, no query.
 */
export const SHARED_PAGES = {
  inbox: 'pages/inbox/index',
  myBookings: 'pages/my-bookings/index',
  pass: 'pages/pass/index',
  /** 免申即享: the policies a firm gets, which a subsidy notice opens. */
  subsidies: 'pages/subsidies/index',
  issueDetail: 'enterprise/pages/issue-detail/index',
  issueList: 'enterprise/pages/issue-list/index',
  stewardEnterprise: 'enterprise/pages/steward-enterprise/index',
  /** 用工服务: the vacancy list a new-vacancy digest opens, and the worker's applications. */
  labourVacancies: 'labour/pages/vacancies/index',
  labourApplications: 'labour/pages/my-applications/index',
  /** A firm's own vacancies, which a new-seekers digest to its liaison opens. */
  labourFirmVacancies: 'labour/pages/firm-vacancies/index',
  /** The seekers fitting one of the firm's vacancies (masked), which a new-seekers digest opens. */
  labourVacancyCandidates: 'labour/pages/vacancy-candidates/index',
  /** 电话回访 in the command's console: the call list and the stewards' scorecard. */
  consoleCallbacks: 'admin/pages/callbacks/index',
} as const;

export type SharedPage = (typeof SHARED_PAGES)[keyof typeof SHARED_PAGES];

/** A deep link: a shared page with its query (`enterprise/pages/issue-detail/index?id=…`). */
export function pageLink(page: SharedPage, query: Record<string, string> = {}): string {
  const search = Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return search ? `${page}?${search}` : page;
}
