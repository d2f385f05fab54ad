/**
 * The platform module with the file calls replaced by jest.fn() (choose a document, upload it,
 * download a report), for a page test's `jest.mock` factory:
 * `jest.mock('…/platform', () => require('…/test-support/fake-files-platform').fakeFilesPlatform())`.
 * Apart from test-support/sheet-upload, which imports the mocked module: a factory that required
 * it would load the module it is building.
 */
export function fakeFilesPlatform(): Record<string, unknown> {
  return {
    ...jest.requireActual<Record<string, unknown>>('../src/platform'),
    chooseDocument: jest.fn(),
    uploadPhoto: jest.fn(),
    downloadFile: jest.fn(async () => undefined),
  };
}
