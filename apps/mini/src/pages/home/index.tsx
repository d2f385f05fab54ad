import { useCallback } from 'react';
import { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ROLE_LABELS } from '@fugong/contracts';
import { OfflineBanner } from '../../components/offline-banner';
import { PageState } from '../../components/page-state';
import { PAGES, openPage } from '../../navigation';
import { refreshCurrentUser } from '../../hooks/session';
import { useSignedInUser } from '../../hooks/use-signed-in-user';
import { Greeting } from './components/greeting';
import { RoleTodos } from './components/role-todos';
import { WorkerTodayCard } from './components/worker-today';
import { TileGrid } from './components/tile-grid';
import { sectionsForRoles, type EntryTile } from './tile-registry';
import './index.css';

/** Opens a tile's page, or the shared 功能建设中 page named after it while it has none. */
export function openTile(tile: EntryTile): void {
  if (tile.url) openPage(tile.url);
  else openPage(PAGES.building, { title: tile.title });
}

/**
 * Role-aware home: a greeting; for a worker, today (pass colour, check-in, next trip) first, as a
 * health-code app opens on the code; then one section per role with its to-dos and entry tiles.
 * Shows the cached person at once and refreshes from the server in the background, so it
 * opens instantly on a weak network and still picks up newly granted roles.
 */
export default function HomePage() {
  const user = useSignedInUser();

  const refresh = useCallback(() => {
    // Quiet: the cached person is on screen already; offline shows as a banner instead.
    refreshCurrentUser({ silent: true }).catch(() => undefined);
  }, []);

  useDidShow(refresh);

  if (!user) return <PageState status="loading" />;

  const sections = sectionsForRoles(user.roles, user.departmentId);
  return (
    <View className="home">
      <OfflineBanner onRetry={refresh} />
      <Greeting user={user} />
      {user.roles.includes('worker') ? <WorkerTodayCard profileDone={user.hasProfile} /> : null}
      {sections.length === 0 ? (
        <PageState
          status="empty"
          title="账号尚未分配角色"
          description="请联系所在企业的联络员或复工管家为您开通"
          onRetry={refresh}
        />
      ) : (
        sections.map((section) => (
          <View key={section.role} className="home__section">
            <Text className="home__section-title">{ROLE_LABELS[section.role]}</Text>
            <RoleTodos role={section.role} user={user} />
            <TileGrid tiles={section.tiles} onOpen={openTile} />
          </View>
        ))
      )}
    </View>
  );
}
