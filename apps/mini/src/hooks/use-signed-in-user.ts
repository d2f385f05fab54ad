import { useEffect } from 'react';
import type { SessionUser } from '@fugong/contracts';
import { goToLogin } from '../navigation';
import { useSession } from './session';

/**
 * The signed-in person for pages that need one; sends everyone else to the login page.
 * Returns null until then, so the page shows its loading state rather than flashing content.
 */
export function useSignedInUser(): SessionUser | null {
  const session = useSession();
  useEffect(() => {
    if (!session) goToLogin();
  }, [session]);
  return session?.user ?? null;
}
