import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PageState } from '../../../components/page-state';
import { openPage, PAGES } from '../../../navigation';
import { useLoad } from '../../../hooks/use-load';
import { workerApi } from '../../../services/worker-api';
import { requestLine } from './request-line';

/**
 * Open 包车需求 grouped by origin and earliest arrival day, as the server groups them: each group
 * can go on the same coaches, so it is converted in one go; a single request can be, too.
 */
export function CharterGroupList() {
  const { data, status, reload } = useLoad(
    () => workerApi.charterGroups(),
    (d) => d.groups.length === 0,
  );
  const open = (ids: string[]) => openPage(PAGES.charterConvert, { ids: ids.join(',') });
  return (
    <PageState
      status={status}
      onRetry={reload}
      emptyTitle="暂无待安排的包车需求"
      emptyDescription="企业提交包车需求后会出现在这里"
    >
      <View>
        {(data?.groups ?? []).map((g) => (
          <View key={`${g.originRegionCode}-${g.day}`} className="w-card charter-convert__group">
            <Text className="w-card__title">
              {g.originName} · {g.day} 起到厂
            </Text>
            <Text className="w-muted">
              {g.requests.length} 份需求，共 {g.totalWorkers} 人
            </Text>
            {g.requests.map((r) => (
              <View key={r.id} className="w-row" onClick={() => open([r.id])}>
                <Text className="w-row__title">{requestLine(r)}</Text>
                <Text className="w-muted">上车点：{r.pickupPoint}</Text>
              </View>
            ))}
            <View className="w-actions">
              <Button type="primary" block onClick={() => open(g.requests.map((r) => r.id))}>
                {g.requests.length > 1 ? '合并转为班次' : '转为班次'}
              </Button>
            </View>
          </View>
        ))}
      </View>
    </PageState>
  );
}
