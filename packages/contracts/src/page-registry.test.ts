import { APP_PAGE_LISTS, PAGE_PACKAGES, PAGE_ROUTES, SHARED_PAGES, SUBPACKAGE_ROOTS } from './index';

describe('page registry', () => {
  it('when two packages name a page alike, then the registry would lose one: every name is unique', () => {
    const names = Object.values(PAGE_PACKAGES).flatMap((pages) => Object.keys(pages));
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(PAGE_ROUTES).length).toBe(names.length);
  });

  it('when a page sits in a subpackage, then its route carries the root and app.json lists it under that root', () => {
    expect(PAGE_ROUTES.home).toBe('pages/home/index');
    expect(PAGE_ROUTES.issueDetail).toBe('enterprise/pages/issue-detail/index');
    const enterprise = APP_PAGE_LISTS.subPackages.find((s) => s.root === 'enterprise');
    expect(enterprise?.pages).toContain('pages/issue-detail/index');
    expect(APP_PAGE_LISTS.pages[0]).toBe('pages/home/index');
    expect(SUBPACKAGE_ROOTS).toEqual(APP_PAGE_LISTS.subPackages.map((s) => s.root));
    expect(SUBPACKAGE_ROOTS).not.toContain('main');
  });

  it('when the server deep-links to a page, then it is a route of the registry', () => {
    const routes = new Set<string>(Object.values(PAGE_ROUTES));
    for (const page of Object.values(SHARED_PAGES)) expect(routes.has(page)).toBe(true);
    expect(SHARED_PAGES.labourApplications).toBe('labour/pages/my-applications/index');
  });
});
