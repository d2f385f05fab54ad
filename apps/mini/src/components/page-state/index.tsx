import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { isOfflineError } from '../../services/api-error';
import './index.css';

export type PageStatus = 'loading' | 'empty' | 'error' | 'offline' | 'ready';

export interface PageStateProps {
  status: PageStatus;
  /** Overrides the default headline of the state. */
  title?: string;
  /**
   * The headline when there is nothing to show (says what is missing: 还没有人投递), so a page
   * need not pick its title by status; `title` wins when both are given.
   */
  emptyTitle?: string;
  /** A second line: what happened or what to do next. */
  description?: string;
  /** The second line when there is nothing to show (where the things will come from). */
  emptyDescription?: string;
  /** Shows a 重试 button on error/offline (on empty only when there is no `action`). */
  onRetry?: () => void;
  /** The next step from an empty page (e.g. 申报问题, 找班车): shown instead of 重试. */
  action?: { label: string; onClick: () => void };
  /** The page content, rendered only when status is 'ready'. */
  children?: ReactNode;
}

const DEFAULTS: Record<Exclude<PageStatus, 'ready'>, { mark: string; title: string; description: string }> = {
  loading: { mark: '…', title: '正在加载', description: '网络较慢时请稍候' },
  empty: { mark: '空', title: '暂无内容', description: '' },
  error: { mark: '!', title: '加载失败', description: '请稍后重试' },
  offline: { mark: '网', title: '网络不给力', description: '请检查手机网络后重试' },
};

/**
 * The one way every page shows loading, empty, error and offline: a centred message with a
 * retry button, so a worker on a weak signal never faces a blank screen.
 */
export function PageState({
  status,
  title,
  emptyTitle,
  description,
  emptyDescription,
  onRetry,
  action,
  children,
}: PageStateProps) {
  if (status === 'ready') return <>{children}</>;
  const preset = DEFAULTS[status];
  const second = description ?? (status === 'empty' ? emptyDescription : undefined) ?? preset.description;
  const showAction = Boolean(action) && status === 'empty';
  const showRetry = Boolean(onRetry) && status !== 'loading' && !showAction;
  return (
    <View className={`page-state page-state--${status}`} aria-live="polite">
      <View className="page-state__mark">
        <Text>{preset.mark}</Text>
      </View>
      <Text className="page-state__title">
        {title ?? (status === 'empty' ? emptyTitle : undefined) ?? preset.title}
      </Text>
      {second ? <Text className="page-state__description">{second}</Text> : null}
      {showAction && action ? (
        <Button className="page-state__retry" type="primary" onClick={action.onClick}>
          {action.label}
        </Button>
      ) : null}
      {showRetry ? (
        <Button className="page-state__retry" type="primary" fill="outline" onClick={onRetry}>
          重试
        </Button>
      ) : null}
    </View>
  );
}

/** The state to show for a failed load: offline when the phone never reached the server. */
export function statusForError(error: unknown): 'offline' | 'error' {
  return isOfflineError(error) ? 'offline' : 'error';
}
