import { Text, View } from '@tarojs/components';
import type { DashboardSummary } from '@fugong/contracts';
import { BarChart, ColumnChart, Kpi, pct } from './charts';

const n = (x: number) => x.toLocaleString('zh-CN');

/** The figure groups, each a card with its headline numbers and charts. */
export function Sections({ s }: { s: DashboardSummary }) {
  const re = s.reopening;
  return (
    <View className="dashboard__sections">
      <View className="card dash-card">
        <Text className="dash-card__title">复工复产</Text>
        <View className="kpis">
          <Kpi
            label="企业复工率"
            value={pct(re.reopenRate)}
            note={`${n(re.reopened)} / ${n(re.enterprises)} 家`}
          />
          <Kpi
            label="员工返岗率"
            value={pct(re.returnRate)}
            note={`${n(re.staffOnSite)} / ${n(re.staffTotal)} 人`}
          />
        </View>
        <BarChart
          title="各地区复工率"
          max={1}
          bars={re.byRegion.map((r) => ({
            key: r.key,
            label: r.label,
            value: r.reopenRate ?? 0,
            text: `${pct(r.reopenRate)}（${r.reopened}/${r.enterprises}）`,
          }))}
        />
        <BarChart
          title="规上 / 规下返岗率"
          max={1}
          bars={re.bySize.map((r) => ({
            key: r.key,
            label: r.label,
            value: r.returnRate ?? 0,
            text: `${pct(r.returnRate)}，复工 ${pct(r.reopenRate)}`,
          }))}
        />
        <BarChart
          title="各行业复工率"
          max={1}
          bars={re.byIndustry
            .slice(0, 10)
            .map((r) => ({ key: r.key, label: r.label, value: r.reopenRate ?? 0, text: pct(r.reopenRate) }))}
        />
        <ColumnChart
          title="逐日返岗率"
          max={1}
          columns={re.trend.map((d) => ({
            key: d.key,
            label: d.label,
            value: d.returnRate ?? 0,
            text: pct(d.returnRate),
          }))}
        />
      </View>

      <View className="card dash-card">
        <Text className="dash-card__title">返岗直通车（{s.asOf}）</Text>
        <View className="kpis">
          <Kpi label="发车班次" value={n(s.transport.trips)} note={`座位 ${n(s.transport.seats)}`} />
          <Kpi
            label="已订座 / 已上车"
            value={`${n(s.transport.booked)} / ${n(s.transport.boarded)}`}
            note={`候补 ${n(s.transport.waitTickets)} 人次`}
          />
        </View>
        <BarChart
          title="按来源省份（已上车）"
          bars={s.transport.byProvince.map((p) => ({
            key: p.key,
            label: p.label,
            value: p.boarded + p.booked,
            part: p.boarded,
            text: `${n(p.boarded)} / ${n(p.booked)}`,
          }))}
        />
        <ColumnChart
          title="逐日上车人数"
          columns={s.transport.trend.map((d) => ({
            key: d.key,
            label: d.label,
            value: d.boarded,
            text: n(d.boarded),
          }))}
        />
      </View>

      <View className="card dash-card">
        <Text className="dash-card__title">问题办理</Text>
        <View className="kpis">
          <Kpi label="未办结" value={n(s.issues.open)} note={`共 ${n(s.issues.total)} 件`} />
          <Kpi label="超期" value={n(s.issues.overdue)} warn={s.issues.overdue > 0} />
          <Kpi
            label="按时答复率"
            value={pct(s.issues.onTimeRate)}
            note={`满意度 ${s.issues.satisfaction ?? '—'}`}
          />
        </View>
        <BarChart
          title="按类别（深色为超期）"
          bars={s.issues.byCategory.map((c) => ({
            key: c.key,
            label: c.label,
            value: c.open,
            part: c.overdue,
            text: `${c.open} 未办结 / ${c.total}`,
          }))}
        />
        <BarChart
          title="按部门"
          bars={s.issues.byDepartment.map((c) => ({
            key: c.key,
            label: c.label,
            value: c.total,
            text: `${c.total} 件，按时 ${pct(c.onTimeRate)}`,
          }))}
        />
        <BarChart
          title="未复工原因（未复工企业的问题）"
          empty="未复工企业没有待办问题"
          bars={s.whyNotReopened.byCategory.map((c) => ({
            key: c.key,
            label: c.label,
            value: c.enterprises,
            text: `${c.enterprises} 家`,
          }))}
        />
        {s.issues.common.length > 0 ? (
          <Text className="dash-note">
            共性问题：{s.issues.common.map((c) => `${c.label}（${c.enterprises} 家）`).join('、')}
          </Text>
        ) : null}
      </View>

      <View className="card dash-card">
        <Text className="dash-card__title">复工管家</Text>
        <View className="kpis">
          <Kpi
            label="7 天未走访"
            value={n(s.stewards.notVisited7d)}
            note={`有管家企业 ${n(s.stewards.assignedEnterprises)}`}
            warn={s.stewards.notVisited7d > 0}
          />
          <Kpi
            label="近 7 天走访"
            value={n(s.stewards.visits)}
            note={`${n(s.stewards.activeStewards)} 名管家`}
          />
          <Kpi
            label="回访满意度"
            value={String(s.stewards.callbacks.satisfaction ?? '—')}
            note={`${n(s.stewards.callbacks.rated)} 次评价`}
          />
        </View>
        {s.stewards.lowRated.length > 0 ? (
          <Text className="dash-note">
            满意度偏低：
            {s.stewards.lowRated.map((x) => `${x.name ?? '管家'} ${x.satisfaction} 分`).join('、')}
          </Text>
        ) : null}
      </View>

      <View className="card dash-card">
        <Text className="dash-card__title">健康监测（{s.asOf}）</Text>
        <View className="kpis">
          <Kpi label="今日打卡" value={n(s.health.checkins)} />
          <Kpi label="体温异常" value={n(s.health.abnormalTemp)} warn={s.health.abnormalTemp > 0} />
          <Kpi label="非绿码" value={n(s.health.nonGreen)} warn={s.health.nonGreen > 0} />
        </View>
        <ColumnChart
          title="逐日打卡人数"
          columns={s.health.trend.map((d) => ({
            key: d.key,
            label: d.label,
            value: d.checkins,
            text: n(d.checkins),
          }))}
        />
      </View>
    </View>
  );
}
