import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Chips } from '../../../components/chips';
import { useSubmissionKey } from '../../../forms/use-submission-key';
import { projectsApi } from '../../../services/projects';

/** 本周周报: done, next, resumed or not, workers on site; one per week (the server says if sent). */
export function ReportForm(props: { projectId: string; onDone: () => void }) {
  const [done, setDone] = useState('');
  const [next, setNext] = useState('');
  const [resumed, setResumed] = useState<'yes' | 'no'>('yes');
  const [workers, setWorkers] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const { keyFor, settle } = useSubmissionKey();

  const submit = async () => {
    const n = Number(workers);
    if (!Number.isInteger(n) || n < 0 || workers.trim() === '') {
      setMessage('请填写在岗人数（整数）');
      return;
    }
    const body = { done: done.trim(), next: next.trim(), resumed: resumed === 'yes', workersOnSite: n };
    setBusy(true);
    setMessage('');
    try {
      await projectsApi.report(props.projectId, body, { idempotencyKey: keyFor(body), silent: true });
      settle();
      void Taro.showToast({ title: '周报已提交', icon: 'success' });
      props.onDone();
    } catch (error) {
      settle(error);
      setMessage((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="w-card">
      <Text className="w-card__title">本周周报</Text>
      <Text className="w-label">本周完成</Text>
      <Input name="report-done" placeholder="如 主体结构施工完成 3 层" value={done} onChange={setDone} />
      <Text className="w-label">下周计划</Text>
      <Input name="report-next" placeholder="如 封顶、钢结构进场" value={next} onChange={setNext} />
      <Text className="w-label">是否已复工</Text>
      <Chips
        options={[
          { value: 'yes', label: '已复工' },
          { value: 'no', label: '未复工' },
        ]}
        value={resumed}
        onChange={setResumed}
      />
      <Text className="w-label">在岗人数</Text>
      <Input name="report-workers" type="number" placeholder="人" value={workers} onChange={setWorkers} />
      {message ? <Text className="w-error">{message}</Text> : null}
      <Button type="primary" block loading={busy} disabled={busy} onClick={submit}>
        提交周报
      </Button>
    </View>
  );
}
