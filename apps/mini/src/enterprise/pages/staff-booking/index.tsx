import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { staffBookingInputSchema } from '@fugong/contracts';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { useFormSubmit } from '../../../forms/use-form-submit';
import { openPage, PAGES } from '../../../navigation';
import { useLoad } from '../../../hooks/use-load';
import { useSignedInUser } from '../../../hooks/use-signed-in-user';
import { api } from '../../../services/issue-api';
import { TripRow } from '../../../components/trip-row';
import { workerApi } from '../../../services/worker-api';
import { Chips, PickupChips } from '../../../components/chips';
import { formatTime } from '../../../services/format';
import { StaffBookingResults, type StaffBookingResult } from './results';
import '../../../styles/worker.css';

/**
 * 员工订座 (liaison): the published trips to the liaison's firm; on one of them, pick named staff
 * and a pickup point, and see per person whether they got a seat, a waitlist place, or why not.
 */
export default function StaffBookingPage() {
  const user = useSignedInUser();
  const { params } = useRouter();
  const tripId = params.tripId ?? '';
  const enterpriseId = user?.enterpriseId ?? '';
  const { data, status, reload } = useLoad(
    async () => {
      if (!tripId)
        return {
          trips: (await workerApi.trips({ enterpriseId, pageSize: 50 })).items,
          trip: null,
          staff: [],
        };
      const [trip, staff] = await Promise.all([workerApi.trip(tripId), api.staff(enterpriseId)]);
      return { trips: [], trip, staff: staff.items };
    },
    (d) => (d.trip ? d.staff.length === 0 : d.trips.length === 0),
  );
  const [picked, setPicked] = useState<string[]>([]);
  const [pickup, setPickup] = useState('0');
  const [results, setResults] = useState<StaffBookingResult[] | null>(null);
  const { errors, sending, submit } = useFormSubmit();

  if (!user) return <PageState status="loading" />;
  if (!enterpriseId)
    return <PageState status="error" title="账号未绑定企业" description="请先在企业首页输入邀请码绑定" />;

  const toggle = (id: string) =>
    setPicked((old) => (old.includes(id) ? old.filter((x) => x !== id) : [...old, id]));
  const book = () =>
    submit(
      staffBookingInputSchema,
      { staffIds: picked, pickupIndex: Number(pickup) },
      (body, idempotencyKey) => workerApi.bookStaff(tripId, body, { idempotencyKey, silent: true }),
      (res) => {
        setResults(res.results);
        setPicked([]);
        reload();
      },
    );

  const trip = data?.trip ?? null;
  const staff = data?.staff ?? [];
  return (
    <View className="w-page staff-booking">
      <OfflineBanner onRetry={reload} />
      <PageState
        status={status}
        onRetry={reload}
        emptyTitle={tripId ? '本企业还没有员工绑定' : '暂无开往本企业的班次'}
        emptyDescription={
          tripId ? '员工在“我的资料”中选择本企业后即可为其订座' : '交通专班发布开往本企业的班次后会显示在这里'
        }
      >
        {trip ? (
          <View>
            <View className="w-card">
              <Text className="w-card__title">
                {trip.originName} → {trip.destinations.map((d) => d.enterpriseName).join('、')}
              </Text>
              <Text className="w-line">
                {formatTime(trip.departureAt)} 发车 · 余座 {trip.seatsLeft} / {trip.capacity}
              </Text>
              <PickupChips points={trip.pickupPoints} value={pickup} onChange={setPickup} />
              <Text className="w-label">选择员工（已选 {picked.length} 人）</Text>
              <Chips
                options={staff.map((p) => ({ value: p.id, label: p.name ?? '（未填姓名）' }))}
                value={picked}
                onChange={toggle}
              />
              {errors.staffIds ? <Text className="w-error">{errors.staffIds}</Text> : null}
              {errors.form ? <Text className="w-error">{errors.form}</Text> : null}
            </View>
            <View className="w-actions">
              <Button type="primary" block loading={sending} disabled={sending} onClick={book}>
                为所选员工订座
              </Button>
            </View>
            {results ? (
              <StaffBookingResults
                results={results}
                names={new Map(staff.map((p) => [p.id, p.name ?? '（未填姓名）']))}
              />
            ) : null}
          </View>
        ) : (
          <View className="w-card">
            <Text className="w-card__title">选择班次</Text>
            {(data?.trips ?? []).map((t) => (
              <TripRow key={t.id} trip={t} onOpen={() => openPage(PAGES.staffBooking, { tripId: t.id })} />
            ))}
          </View>
        )}
      </PageState>
    </View>
  );
}
