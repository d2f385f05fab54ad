import { Text, View } from '@tarojs/components';
import { departmentName, type TimelineEvent } from '@fugong/contracts';
import { formatTime } from '../../services/format';
import '../../styles/issue.css';

const TYPE_LABELS: Record<TimelineEvent['type'], string> = {
  submitted: '提交问题',
  accepted: '受理',
  dispatched: '派单',
  transferred: '转办',
  answered: '答复',
  confirmed: '确认办结',
  reopened: '退回重办',
  reminded: '到期提醒',
  escalated: '超期督办',
  notified: '已通知',
};
const ROLE_LABELS: Record<string, string> = {
  liaison: '企业联络员',
  steward: '复工管家',
  officer: '部门',
  admin: '指挥部',
  system: '系统',
};

/** The immutable timeline of an issue: who did what, when, oldest first. */
export function Timeline({ events }: { events: TimelineEvent[] }) {
  return (
    <View className="timeline">
      {events.map((e, index) => (
        <View key={`${e.at}-${index}`} className={`timeline__item timeline__item--${e.type}`}>
          <View className="timeline__head">
            <Text className="timeline__type">{TYPE_LABELS[e.type]}</Text>
            <Text className="timeline__who">
              {e.type === 'answered' && e.departmentCode
                ? departmentName(e.departmentCode)
                : (ROLE_LABELS[e.actorRole] ?? e.actorRole)}
            </Text>
            <Text className="timeline__at">{formatTime(e.at)}</Text>
          </View>
          {e.note ? <Text className="timeline__note">{e.note}</Text> : null}
        </View>
      ))}
    </View>
  );
}
