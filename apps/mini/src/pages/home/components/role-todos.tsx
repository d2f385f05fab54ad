import { Text, View } from '@tarojs/components';
import { ArrowRight, Tips } from '@nutui/icons-react-taro';
import type { Issue, Role, SessionUser } from '@fugong/contracts';
import { PAGES, openPage } from '../../../navigation';
import { api } from '../../../services/issue-api';
import { chinaToday } from '../../../services/format';
import { workerApi } from '../../../services/worker-api';
import { useLoad } from '../../../hooks/use-load';
import './today.css';

/** One line of what a person has to do today, and the page where they do it. */
export interface Todo {
  id: string;
  text: string;
  /** Shown in red: something is late. */
  urgent: boolean;
  url: string;
  query?: Record<string, string>;
}

const anyOverdue = (issue: Issue) =>
  issue.clocks.firstResponse.overdue || issue.clocks.progress.overdue || issue.clocks.resolution.overdue;

/** Each role's to-dos, from the APIs the role's own pages already call. */
export async function todosFor(role: Role, user: SessionUser): Promise<Todo[]> {
  if (role === 'liaison' && user.enterpriseId) {
    const overview = await api.overview(user.enterpriseId);
    const todos: Todo[] = [];
    if (!overview.todayReported)
      todos.push({ id: 'report', text: '今日复工日报还没有填报', urgent: true, url: PAGES.report });
    if (overview.openIssues > 0)
      todos.push({
        id: 'issues',
        text: `${overview.openIssues} 件问题办理中${overview.overdueIssues ? `，${overview.overdueIssues} 件超期` : ''}`,
        urgent: overview.overdueIssues > 0,
        url: PAGES.issueList,
      });
    return todos;
  }
  if (role === 'steward') {
    const { items } = await api.myEnterprises();
    const due = items.filter((e) => e.reasons.length > 0);
    return due.slice(0, 3).map((e) => ({
      id: e.enterpriseId,
      text: `${e.name}：${e.reasons[0]}`,
      urgent: e.overdueIssues > 0,
      url: PAGES.stewardEnterprise,
      query: { id: e.enterpriseId },
    }));
  }
  if (role === 'officer') {
    const { items } = await api.issues({ open: 'true' });
    if (items.length === 0) return [];
    const overdue = items.filter(anyOverdue).length;
    return [
      {
        id: 'queue',
        text: `待办问题 ${items.length} 件${overdue ? `，其中超期 ${overdue} 件` : ''}`,
        urgent: overdue > 0,
        url: PAGES.issueList,
      },
    ];
  }
  if (role === 'transport') {
    const { items } = await workerApi.trips({ status: 'published', pageSize: 50 });
    const today = items.filter((t) => t.travelDay === chinaToday());
    if (today.length === 0) return [];
    const booked = today.reduce((n, t) => n + t.bookedCount, 0);
    const boarded = today.reduce((n, t) => n + t.boardedCount, 0);
    return [
      {
        id: 'trips',
        text: `今日 ${today.length} 班，已上车 ${boarded} / 已订 ${booked}`,
        urgent: false,
        url: PAGES.marshalScan,
      },
    ];
  }
  return [];
}

/** The to-dos of one role above its tiles; nothing at all when there is nothing to do. */
export function RoleTodos({ role, user }: { role: Role; user: SessionUser }) {
  const todos = useLoad(() => todosFor(role, user));
  const items = todos.data ?? [];
  if (items.length === 0) return null;
  return (
    <View className="role-todos">
      {items.map((todo) => (
        <View
          key={todo.id}
          className="today-row role-todos__item"
          role="button"
          onClick={() => openPage(todo.url, todo.query)}
        >
          <Tips size={22} color={todo.urgent ? '#b42318' : '#1f5fb4'} />
          <Text className={`today-row__text${todo.urgent ? ' role-todos__urgent' : ''}`}>{todo.text}</Text>
          <ArrowRight size={16} color="#555b66" />
        </View>
      ))}
    </View>
  );
}
