import Taro from '@tarojs/taro';
import type { Trip } from '@fugong/contracts';
import { toChinaDateTime } from '../../services/format';
import { workerApi } from '../../services/worker-api';

/**
 * Publishing opens the trip to every worker's search and booking: asked once before it goes.
 * Shared by 班次管理 and the charter conversion, which both publish drafts.
 */
export async function confirmPublish(trip: Pick<Trip, 'originName' | 'departureAt'>): Promise<boolean> {
  const { confirm } = await Taro.showModal({
    title: '发布班次',
    content: `发布后务工人员即可看到并预订（${trip.originName}，${toChinaDateTime(trip.departureAt)} 发车）。确定发布？`,
    confirmText: '发布',
    cancelText: '再想想',
  });
  return confirm;
}

/**
 * Publishes a draft once the officer confirms: the published trip, or null when they did not.
 * A refusal is thrown for the caller to show next to the trip.
 */
export async function publishConfirmed(trip: Trip): Promise<Trip | null> {
  if (!(await confirmPublish(trip))) return null;
  const published = await workerApi.publishTrip(trip.id, { silent: true });
  void Taro.showToast({ title: '已发布', icon: 'success' });
  return published;
}
