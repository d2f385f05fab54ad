import { PAGE_ROUTES } from '../page-registry';

/**
 * The pages the BFF deep-links to: it writes them into notices (the inbox's deep link, the page a
 * WeChat subscribe message opens). A view of the page registry, so a moved page moves its links
 * too. Written as WeChat wants them in `page`: no leading slash, no query.
 */
export const SHARED_PAGES = {
  inbox: PAGE_ROUTES.inbox,
  myBookings: PAGE_ROUTES.myBookings,
  pass: PAGE_ROUTES.pass,
  /** 免申即享: the policies a firm gets, which a subsidy notice opens. */
  subsidies: PAGE_ROUTES.subsidies,
  issueDetail: PAGE_ROUTES.issueDetail,
  issueList: PAGE_ROUTES.issueList,
  stewardEnterprise: PAGE_ROUTES.stewardEnterprise,
  /** 用工服务: the vacancy list a new-vacancy digest opens, and the worker's applications. */
  labourVacancies: PAGE_ROUTES.labourVacancies,
  labourApplications: PAGE_ROUTES.labourMyApplications,
  /** A firm's own vacancies, which a new-seekers digest to its liaison opens. */
  labourFirmVacancies: PAGE_ROUTES.labourFirmVacancies,
  /** The seekers fitting one of the firm's vacancies (masked), which a new-seekers digest opens. */
  labourVacancyCandidates: PAGE_ROUTES.labourVacancyCandidates,
  /** 电话回访 in the command's console: the call list and the stewards' scorecard. */
  consoleCallbacks: PAGE_ROUTES.consoleCallbacks,
} as const;

export type SharedPage = (typeof SHARED_PAGES)[keyof typeof SHARED_PAGES];

/** A deep link: a shared page with its query (`enterprise/pages/issue-detail/index?id=…`). */
export function pageLink(page: SharedPage, query: Record<string, string> = {}): string {
  const search = Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return search ? `${page}?${search}` : page;
}
