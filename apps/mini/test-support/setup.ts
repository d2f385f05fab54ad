/** Runs before every mini-program test: a fresh phone (empty storage, no page stack, online). */
import { resetTaroDouble } from './taro';
import { markOnline } from '../src/services/network-status';
import { forgetCachedSession } from '../src/services/session-vault';

beforeEach(() => {
  resetTaroDouble();
  forgetCachedSession();
  markOnline();
});
