import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import type { DepartmentCode, ProjectSession } from '@fugong/contracts';
import { Chips } from '../../../components/chips';
import { useSubmissionKey } from '../../../forms/use-submission-key';
import { projectsApi } from '../../../services/projects';

interface Task {
  departmentCode: DepartmentCode;
  task: string;
  dueDate: string;
}

/** Records a decision and splits it into tasks, each owned by one convened department with a due day. */
export function DecisionForm(props: { session: ProjectSession; onDone: (s: ProjectSession) => void }) {
  const s = props.session;
  const [text, setText] = useState('');
  const [tasks, setTasks] = useState<Task[]>([]);
  const [dept, setDept] = useState<DepartmentCode>((s.departments[0]?.code ?? 'fgw') as DepartmentCode);
  const [task, setTask] = useState('');
  const [due, setDue] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const { keyFor, settle } = useSubmissionKey();

  const add = () => {
    if (task.trim().length < 2 || !/^\d{4}-\d{2}-\d{2}$/.test(due)) {
      setMessage('请填写任务和期限（如 2026-03-20）');
      return;
    }
    setMessage('');
    setTasks((old) => [...old, { departmentCode: dept, task: task.trim(), dueDate: due }]);
    setTask('');
  };
  const submit = async () => {
    const body = { text: text.trim(), actionItems: tasks };
    setBusy(true);
    setMessage('');
    try {
      const updated = await projectsApi.decide(s.id, body, { idempotencyKey: keyFor(body), silent: true });
      settle();
      void Taro.showToast({ title: '已记录', icon: 'success' });
      setText('');
      setTasks([]);
      props.onDone(updated);
    } catch (error) {
      settle(error);
      setMessage((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const nameOf = (code: string) => s.departments.find((d) => d.code === code)?.name ?? code;
  return (
    <View className="w-card decision-form">
      <Text className="w-card__title">记录会办决定</Text>
      <Input name="decision-text" placeholder="会办决定" value={text} onChange={setText} />
      <Text className="w-label">责任部门</Text>
      <Chips
        options={s.departments.map((d) => ({ value: d.code as DepartmentCode, label: d.name }))}
        value={dept}
        onChange={setDept}
      />
      <Input name="task-text" placeholder="任务内容" value={task} onChange={setTask} />
      <Input name="task-due" placeholder="办理期限，如 2026-03-20" value={due} onChange={setDue} />
      <Button block onClick={add}>
        添加任务
      </Button>
      {tasks.map((t, i) => (
        <Text key={`${t.departmentCode}-${i}`} className="w-line">
          {nameOf(t.departmentCode)}：{t.task}（{t.dueDate} 前）
        </Text>
      ))}
      {message ? <Text className="w-error">{message}</Text> : null}
      <Button type="primary" block loading={busy} disabled={busy || tasks.length === 0} onClick={submit}>
        记录决定并下达任务
      </Button>
    </View>
  );
}
