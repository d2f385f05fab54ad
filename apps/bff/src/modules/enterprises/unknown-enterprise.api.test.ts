import { startTestApp, type TestApp } from '../../test-support/test-app';
import { signInAs, type Person } from './testing/fixtures';

let t: TestApp;
let admin: Person;
beforeAll(async () => {
  t = await startTestApp();
  admin = await signInAs(t, ['admin']);
});
afterAll(() => t.close());

// Pinned after the harness found these lists answering 200 with no items for a firm that does
// not exist: the command would read "no visits" where the truth is "no such firm".
describe('per-enterprise lists for an enterprise that does not exist', () => {
  const unknown = 'aaaaaaaaaaaaaaaaaaaaaaaa';
  it.each(['visits', 'callbacks', 'reopening', 'steward-assignments'])(
    'when the command asks for /%s of an unknown enterprise, then it is a 404',
    async (list) => {
      const res = await t.http.get(`/api/enterprises/${unknown}/${list}`).set(admin.auth);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    },
  );
});
