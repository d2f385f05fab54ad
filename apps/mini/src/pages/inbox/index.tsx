import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { NOTICE_KIND_LABELS, type InboxNotice, type NoticeKind } from '@fugong/contracts';
import { OfflineBanner } from '../../components/offline-banner';
import { PageState } from '../../components/page-state';
import { openLink } from '../../navigation';
import { useLoad } from '../../hooks/use-load';
import { useSignedInUser } from '../../hooks/use-signed-in-user';
import { inboxApi } from '../../services/inbox-api';
import { toChinaDateTime } from '../../services/format';
import '../../styles/worker.css';

const kindLabel = (kind: string) => NOTICE_KIND_LABELS[kind as NoticeKind] ?? '通知';

/** 消息: every notice sent to this person (班次变动、候补、办理提醒、督办), newest first. */
export default function InboxPage() {
  const user = useSignedInUser();
  const { data, status, reload, setData } = useLoad(
    () => inboxApi.list(),
    (d) => d.items.length === 0,
  );
  if (!user) return <PageState status="loading" />;

  const open = async (n: InboxNotice) => {
    if (!n.readAt) {
      try {
        const read = await inboxApi.markRead(n.id);
        setData((d) =>
          d
            ? { unread: Math.max(0, d.unread - 1), items: d.items.map((x) => (x.id === n.id ? read : x)) }
            : d,
        );
      } catch {
        // Still open the page: the read mark is retried the next time the notice is tapped.
      }
    }
    openLink(n.page);
  };

  return (
    <View className="w-page inbox">
      <OfflineBanner onRetry={reload} />
      <PageState
        status={status}
        onRetry={reload}
        emptyTitle="暂无消息"
        emptyDescription="班次变动、候补成功、办理提醒都会出现在这里"
      >
        {data && data.unread > 0 ? <Text className="w-muted">{data.unread} 条未读</Text> : null}
        {(data?.items ?? []).map((n) => (
          <View
            key={n.id}
            className={`w-card inbox__item${n.readAt ? '' : ' inbox__item--unread'}`}
            onClick={() => void open(n)}
          >
            <View>
              <Tag type={n.readAt ? 'default' : 'primary'}>{kindLabel(n.kind)}</Tag>
              {n.readAt ? null : <Text className="inbox__dot"> 未读</Text>}
            </View>
            <Text className="w-card__title">{n.title}</Text>
            <Text className="w-line">{n.body}</Text>
            <Text className="w-muted">{toChinaDateTime(n.createdAt)}</Text>
          </View>
        ))}
      </PageState>
    </View>
  );
}
