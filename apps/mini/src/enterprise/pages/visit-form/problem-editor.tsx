import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import {
  ISSUE_CATEGORY_LABELS,
  issueDraftSchema,
  type IssueCategory,
  type IssueDraft,
  type IssueUrgency,
} from '@fugong/contracts';
import { Chips } from '../../../components/chips';
import { CATEGORY_OPTIONS, URGENCY_OPTIONS } from '../../../components/chips/issue-options';

/** Problems found on the visit; each becomes an issue when the visit is submitted. */
export function ProblemEditor({
  problems,
  onChange,
}: {
  problems: IssueDraft[];
  onChange: (next: IssueDraft[]) => void;
}) {
  const [category, setCategory] = useState<IssueCategory | null>(null);
  const [urgency, setUrgency] = useState<IssueUrgency>('normal');
  const [description, setDescription] = useState('');
  const [error, setError] = useState('');

  const add = () => {
    const parsed = issueDraftSchema.safeParse({ category, urgency, description });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? '请完善问题');
      return;
    }
    onChange([...problems, parsed.data]);
    setDescription('');
    setCategory(null);
    setError('');
  };

  return (
    <View className="card">
      <Text className="card__title">发现的问题（提交后自动转为问题申报）</Text>
      {problems.map((p, index) => (
        <View key={`${p.category}-${index}`} className="row-item">
          <Text className="row-item__title">
            【{ISSUE_CATEGORY_LABELS[p.category]}】{p.description}
          </Text>
          <Text className="row-item__meta" onClick={() => onChange(problems.filter((_, i) => i !== index))}>
            删除
          </Text>
        </View>
      ))}
      <Text className="field-label">问题类别</Text>
      <Chips options={CATEGORY_OPTIONS} value={category} onChange={setCategory} />
      <Chips options={URGENCY_OPTIONS} value={urgency} onChange={setUrgency} />
      <Input placeholder="问题描述" value={description} onChange={setDescription} />
      {error ? <Text className="field-error">{error}</Text> : null}
      <Button fill="outline" block onClick={add}>
        添加问题
      </Button>
    </View>
  );
}
