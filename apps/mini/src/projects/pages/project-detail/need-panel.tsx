import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import {
  NEED_KINDS,
  NEED_KIND_LABELS,
  NEED_STATUS_LABELS,
  SESSION_DEPARTMENTS,
  departmentName,
  type DepartmentCode,
  type NeedKind,
  type Project,
  type ProjectNeed,
} from '@fugong/contracts';
import { Chips } from '../../../components/chips';
import { useSubmissionKey } from '../../../forms/use-submission-key';
import { PAGES, openPage } from '../../../navigation';
import { projectsApi } from '../../../services/projects';
import { useLoad } from '../../../hooks/use-load';

const KIND_OPTIONS = NEED_KINDS.map((k) => ({ value: k, label: NEED_KIND_LABELS[k] }));
const DEPT_OPTIONS = SESSION_DEPARTMENTS.map((c) => ({
  value: c as DepartmentCode,
  label: departmentName(c),
}));

/**
 * 项目服务清单: anyone on the project lists a need; whoever steers it either dispatches it to one
 * department (an issue with its clocks) or convenes 马上会办 with several and opens the session.
 */
export function NeedPanel(props: { project: Project; steers: boolean }) {
  const id = props.project.id;
  const needs = useLoad(() => projectsApi.needs(id));
  const [kind, setKind] = useState<NeedKind>('resources');
  const [text, setText] = useState('');
  const [open, setOpen] = useState('');
  const [depts, setDepts] = useState<DepartmentCode[]>([]);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const { keyFor, settle } = useSubmissionKey();

  const run = async (what: string, call: (key: string) => Promise<unknown>, payload: unknown) => {
    setBusy(true);
    setMessage('');
    try {
      const result = await call(keyFor(payload));
      settle();
      void Taro.showToast({ title: what, icon: 'success' });
      return result;
    } catch (error) {
      settle(error);
      setMessage((error as Error).message);
      return null;
    } finally {
      setBusy(false);
      needs.reload();
    }
  };

  const raise = async () => {
    const body = { kind, description: text.trim() };
    const done = await run(
      '已列入服务清单',
      (k) => projectsApi.raiseNeed(id, body, { idempotencyKey: k, silent: true }),
      body,
    );
    if (done) setText('');
  };
  const dispatch = (n: ProjectNeed) =>
    run('已派单', (k) => projectsApi.dispatch(n.id, depts[0], { idempotencyKey: k, silent: true }), {
      n: n.id,
      depts,
    });
  const convene = async (n: ProjectNeed) => {
    const body = {
      needId: n.id,
      topic: `${NEED_KIND_LABELS[n.kind]}：${n.description}`.slice(0, 100),
      departments: depts,
    };
    const s = (await run(
      '已发起马上会办',
      (k) => projectsApi.convene(body, { idempotencyKey: k, silent: true }),
      body,
    )) as {
      id: string;
    } | null;
    if (s) openPage(PAGES.projectSession, { id: s.id });
  };
  const toggle = (c: DepartmentCode) =>
    setDepts((old) => (old.includes(c) ? old.filter((x) => x !== c) : [...old, c]));

  return (
    <View className="w-card need-panel">
      <Text className="w-card__title">项目服务清单</Text>
      {message ? <Text className="w-error">{message}</Text> : null}
      {(needs.data?.items ?? []).map((n) => (
        <View key={n.id} className="w-row">
          <Text className="w-row__title">
            {NEED_KIND_LABELS[n.kind]}：{n.description}
          </Text>
          <Text className={`w-badge${n.status === 'resolved' ? '' : ' w-badge--warn'}`}>
            {NEED_STATUS_LABELS[n.status]}
          </Text>
          {n.overdue && n.status === 'open' ? (
            <Text className="w-badge w-badge--warn">超时未处理</Text>
          ) : null}
          {n.sessionId ? (
            <Button size="small" onClick={() => openPage(PAGES.projectSession, { id: n.sessionId! })}>
              查看会办
            </Button>
          ) : null}
          {props.steers && n.status === 'open' ? (
            open === n.id ? (
              <View>
                <Text className="w-label">选择部门（一个部门：派单；多个部门：马上会办）</Text>
                <Chips options={DEPT_OPTIONS} value={depts} onChange={toggle} />
                <View className="w-actions">
                  <Button disabled={busy || depts.length !== 1} onClick={() => dispatch(n)}>
                    派单
                  </Button>
                  <Button type="primary" disabled={busy || depts.length < 2} onClick={() => convene(n)}>
                    马上会办
                  </Button>
                </View>
              </View>
            ) : (
              <Button size="small" type="primary" onClick={() => (setOpen(n.id), setDepts([]))}>
                处理
              </Button>
            )
          ) : null}
        </View>
      ))}
      <Text className="w-label">提出需求</Text>
      <Chips options={KIND_OPTIONS} value={kind} onChange={setKind} />
      <Input name="need-text" placeholder="如 临时用电增容 2000 千伏安" value={text} onChange={setText} />
      <Button block disabled={busy || text.trim().length < 2} onClick={raise}>
        列入服务清单
      </Button>
    </View>
  );
}
