import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import {
  MAX_ISSUE_ATTACHMENTS,
  issueInputSchema,
  type IssueCategory,
  type IssueUrgency,
} from '@fugong/contracts';
import { PrivacyPrompt } from '../../../components/privacy-prompt';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { useFormSubmit } from '../../../forms/use-form-submit';
import { openPage, PAGES } from '../../../navigation';
import { api } from '../../../services/issue-api';
import { Chips } from '../../../components/chips';
import { CATEGORY_OPTIONS, URGENCY_OPTIONS } from '../../../components/chips/issue-options';
import { choosePhotos, type PickedPhoto } from '../../../platform';
import { uploadIssuePhoto } from '../../../services/upload';
import { askForNews } from '../../../services/subscribe';
import '../../../styles/issue.css';

/** 问题申报: category, urgency and a description; a liaison for their firm, a steward on a firm's behalf. */
export default function IssueFormPage() {
  const { params } = useRouter();
  const enterpriseId = params.enterpriseId ?? '';
  const [category, setCategory] = useState<IssueCategory | null>(null);
  const [urgency, setUrgency] = useState<IssueUrgency>('normal');
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const { errors, setErrors, sending, submit: submitForm } = useFormSubmit();

  if (!enterpriseId) return <PageState status="error" title="缺少企业信息" description="请从企业页面进入" />;

  const addPhotos = async () => {
    try {
      const picked = await choosePhotos(MAX_ISSUE_ATTACHMENTS - photos.length);
      if (picked.length === 0) return;
      setPhotos((old) => [...old, ...picked].slice(0, MAX_ISSUE_ATTACHMENTS));
      setErrors((old) => ({ ...old, images: undefined }));
    } catch (error) {
      setErrors((old) => ({ ...old, images: (error as Error).message }));
    }
  };

  /**
   * Photos go up once the issue exists (they belong to it); one failed photo does not undo the
   * issue. Answers why each refused photo was refused (the server's words: wrong type, too big).
   */
  const uploadPhotos = async (issueId: string) => {
    const refused: string[] = [];
    for (const photo of photos) {
      await uploadIssuePhoto(issueId, photo, { silent: true }).catch((error: unknown) => {
        const reason = error instanceof Error && error.message ? error.message : '上传失败';
        refused.push(`${photo.name}：${reason}`);
      });
    }
    return refused;
  };

  /** The person must learn which photo did not go and why, so a refusal waits for 知道了. */
  const reportUpload = async (refused: string[]) => {
    if (refused.length === 0) {
      void Taro.showToast({ title: '已提交', icon: 'success' });
      return;
    }
    await Taro.showModal({
      title: `${refused.length} 张照片未上传`,
      content: `问题已提交。${refused.join('；')}`,
      showCancel: false,
      confirmText: '知道了',
    });
  };

  const submit = async () => {
    // First thing in the tap, where WeChat allows its dialog: news of the answer to this issue.
    void askForNews();
    await submitForm(
      issueInputSchema,
      {
        enterpriseId,
        category,
        urgency,
        description,
        attachmentIds: [],
      },
      (data, idempotencyKey) => api.createIssue(data, { idempotencyKey, silent: true }),
      (created) =>
        void uploadPhotos(created.id)
          .then(reportUpload)
          .then(() => Taro.redirectTo({ url: `${PAGES.issueDetail}?id=${created.id}` })),
    );
  };

  return (
    <View className="issue-form">
      <OfflineBanner />
      <PrivacyPrompt purpose="添加现场照片要使用相册或相机" />
      <View className="card">
        <Text className="field-label">问题类别</Text>
        <Chips options={CATEGORY_OPTIONS} value={category} onChange={setCategory} />
        {errors.category ? <Text className="field-error">{errors.category}</Text> : null}
        <Text className="field-label">紧急程度</Text>
        <Chips options={URGENCY_OPTIONS} value={urgency} onChange={setUrgency} />
        <Text className="field-label">问题描述</Text>
        <TextArea
          className="field-textarea"
          placeholder="请描述遇到的困难，如缺工人数、缺少的原材料"
          maxLength={1000}
          value={description}
          onChange={setDescription}
        />
        {errors.description ? <Text className="field-error">{errors.description}</Text> : null}
        <Text className="field-label">照片（可选，最多 {MAX_ISSUE_ATTACHMENTS} 张，每张不超过 10 MB）</Text>
        {photos.map((photo) => (
          <Text key={photo.path} className="card__line">
            已添加：{photo.name}
          </Text>
        ))}
        {photos.length < MAX_ISSUE_ATTACHMENTS ? (
          <Button fill="outline" block onClick={addPhotos}>
            添加照片
          </Button>
        ) : null}
        {errors.images ? <Text className="field-error">{errors.images}</Text> : null}
        {errors.form ? <Text className="field-error">{errors.form}</Text> : null}
      </View>
      <View className="actions">
        <Button type="primary" block loading={sending} disabled={sending} onClick={submit}>
          提交问题
        </Button>
        <Button fill="outline" block onClick={() => openPage(PAGES.issueList)}>
          查看已申报的问题
        </Button>
      </View>
    </View>
  );
}
