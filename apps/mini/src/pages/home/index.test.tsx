import { act, fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { installFakeApi, sessionFor } from '../../../test-support/fake-api';
import { saveSession } from '../../services/session-vault';
import HomePage, { openTile } from './index';
import { ENTRY_TILES } from './tile-registry';

/** Lets the background refresh of /api/me settle. */
async function flush() {
  await act(async () => {
    await Promise.resolve();
  });
}

function tileTitles(): string[] {
  return Array.from(document.querySelectorAll('.tile-grid__title')).map((node) => node.textContent ?? '');
}

describe('home page', () => {
  it('when a worker opens the app, then they see the worker tiles (a driver’s freight pass among them) and no one else’s', async () => {
    const session = sessionFor(['worker']);
    saveSession(session);
    installFakeApi({ 'GET /api/me': { status: 200, body: session.user } });

    render(<HomePage />);
    await flush();

    expect(screen.getByText(/张三/)).toBeTruthy();
    expect(tileTitles()).toEqual([
      '健康打卡',
      '我的通行码',
      '找班车',
      '我的行程',
      '我的货车通行证',
      '消息',
      '找工作',
      '求职登记',
      '我的求职',
    ]);
  });

  it('when a person holds two roles, then both roles’ sections appear, each under its Chinese name', async () => {
    const session = sessionFor(['steward', 'liaison']);
    saveSession(session);
    installFakeApi({ 'GET /api/me': { status: 200, body: session.user } });

    render(<HomePage />);
    await flush();

    expect(screen.getAllByText('复工管家').length).toBeGreaterThan(0);
    expect(screen.getAllByText('企业联络员').length).toBeGreaterThan(0);
    expect(tileTitles()).toEqual([
      '我的企业',
      '走访记录',
      '督办提醒',
      '重点项目代办',
      '配套供应商',
      '复工进度',
      '包车需求',
      '员工订座',
      '问题申报',
      '可享政策',
      '货车通行证',
      '招工岗位',
      '用工调剂',
      '重点项目',
      '供需对接',
      '我的对接',
      '配套供应商',
    ]);
  });

  it('when a 人力资源服务机构 opens the app, then it sees the hiring tiles for the firms it serves', async () => {
    const session = sessionFor(['hr_agency']);
    saveSession(session);
    installFakeApi({ 'GET /api/me': { status: 200, body: session.user } });

    render(<HomePage />);
    await flush();

    expect(screen.getAllByText('人力资源服务机构').length).toBeGreaterThan(0);
    expect(tileTitles()).toEqual(['代招岗位', '投递与录用', '用工调剂']);
  });

  it('when the server reports a newly granted role, then its tiles appear without signing in again', async () => {
    const session = sessionFor(['worker']);
    saveSession(session);
    installFakeApi({
      'GET /api/me': { status: 200, body: { ...session.user, roles: ['worker', 'transport'] } },
    });

    render(<HomePage />);
    await flush();

    expect(tileTitles()).toEqual(expect.arrayContaining(['班次管理', '上车核验']));
  });

  it('when a liaison taps 包车需求 or 员工订座, then the charter form or the staff booking page opens', async () => {
    saveSession(sessionFor(['liaison']));
    installFakeApi({ 'GET /api/me': { status: 200, body: sessionFor(['liaison']).user } });
    render(<HomePage />);
    await flush();

    fireEvent.click(screen.getByText('包车需求'));
    fireEvent.click(screen.getByText('员工订座'));

    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/enterprise/pages/charter-form/index' });
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/enterprise/pages/staff-booking/index' });
  });

  it('when a liaison taps 可享政策 or an officer taps 免申即享名单, then the subsidy pages open', async () => {
    saveSession(sessionFor(['liaison', 'officer']));
    installFakeApi({ 'GET /api/me': { status: 200, body: sessionFor(['liaison', 'officer']).user } });
    render(<HomePage />);
    await flush();

    fireEvent.click(screen.getByText('可享政策'));
    fireEvent.click(screen.getByText('免申即享名单'));

    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/subsidies/index' });
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/subsidy-review/index' });
  });

  it('when a 工信局 officer opens the app, then 产业链协同 and 供需总览 are among their tiles and 人社局’s 用工缺口 is not', async () => {
    const base = sessionFor(['officer']);
    const gxj = { ...base, user: { ...base.user, departmentId: 'gxj' } };
    saveSession(gxj);
    installFakeApi({ 'GET /api/me': { status: 200, body: gxj.user } });
    render(<HomePage />);
    await flush();

    expect(tileTitles()).toEqual([
      '待办问题',
      '办理提醒',
      '会办任务',
      '重点项目',
      '产业链协同',
      '供需总览',
      '免申即享名单',
    ]);
    fireEvent.click(screen.getByText('产业链协同'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/supply/pages/supply-figures/index' });
    fireEvent.click(screen.getByText('供需总览'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/supply/pages/browse/index' });
  });

  it('when a 人社局 officer opens the app, then 用工缺口, the HR agencies and 用工调剂 are among their tiles', async () => {
    const base = sessionFor(['officer']);
    const rsj = { ...base, user: { ...base.user, departmentId: 'rsj' } };
    saveSession(rsj);
    installFakeApi({ 'GET /api/me': { status: 200, body: rsj.user } });
    render(<HomePage />);
    await flush();

    expect(tileTitles()).toEqual(expect.arrayContaining(['用工缺口', '人力资源机构', '用工调剂']));
    expect(tileTitles()).not.toContain('产业链协同');
    expect(tileTitles()).not.toContain('供需总览');
    fireEvent.click(screen.getByText('用工缺口'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/labour/pages/labour-figures/index' });
    fireEvent.click(screen.getByText('人力资源机构'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/labour/pages/agency-grant/index' });
  });

  it('when the command opens the app, then the console pages, 产业链协同 and the hotline’s 三率 are among its tiles', async () => {
    const session = sessionFor(['admin']);
    saveSession(session);
    installFakeApi({ 'GET /api/me': { status: 200, body: session.user } });
    render(<HomePage />);
    await flush();

    expect(tileTitles()).toEqual([
      '指挥大屏',
      '人员与角色',
      '电话回访',
      '名录导入',
      '批量指派管家',
      '管家离岗移交',
      '服务覆盖',
      '审计日志',
      '地区风险等级',
      '用工缺口',
      '用工调剂',
      '重点项目',
      '产业链协同',
      '热线三率',
      '供需总览',
    ]);
    fireEvent.click(screen.getByText('服务覆盖'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/pages/steward-coverage/index' });
    fireEvent.click(screen.getByText('热线三率'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/hotline/pages/hotline-figures/index' });
  });

  it('when a hotline operator opens the app, then the call form, the call list and the 三率 are their tiles', async () => {
    const session = sessionFor(['hotline_operator']);
    saveSession(session);
    installFakeApi({ 'GET /api/me': { status: 200, body: session.user } });
    render(<HomePage />);
    await flush();

    expect(tileTitles()).toEqual(['登记来电', '来电记录', '热线三率']);
    fireEvent.click(screen.getByText('登记来电'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/hotline/pages/call-form/index' });
  });

  it('when a transport officer taps 班次管理, then the trip management page opens', async () => {
    saveSession(sessionFor(['transport']));
    installFakeApi({ 'GET /api/me': { status: 200, body: sessionFor(['transport']).user } });
    render(<HomePage />);
    await flush();

    fireEvent.click(screen.getByText('班次管理'));

    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/transport/pages/trip-admin/index' });
  });

  it('when a tile’s feature is not built yet, then tapping it opens the 功能建设中 page named after it', () => {
    openTile({ id: 'liaison.subsidy', role: 'liaison', title: '稳岗补贴' });

    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: `/pages/building/index?title=${encodeURIComponent('稳岗补贴')}`,
    });
  });

  it('when the account has no role yet, then the page says so instead of showing an empty grid', async () => {
    const session = sessionFor([]);
    saveSession(session);
    installFakeApi({ 'GET /api/me': { status: 200, body: session.user } });

    render(<HomePage />);
    await flush();

    expect(screen.getByText('账号尚未分配角色')).toBeTruthy();
  });

  it('when the phone is offline, then the cached tiles still show with an offline notice', async () => {
    saveSession(sessionFor(['officer']));
    installFakeApi({ 'GET /api/me': { fail: 'network' } });
    jest.useFakeTimers();

    render(<HomePage />);
    await act(async () => {
      await jest.runAllTimersAsync();
    });
    jest.useRealTimers();

    const banner = screen.getByText('网络不可用，显示的可能不是最新信息');
    expect(banner).toBeTruthy();
    expect(tileTitles()).toEqual(['待办问题', '办理提醒', '会办任务', '重点项目', '免申即享名单']);
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('when nobody is signed in, then the page sends them to login', async () => {
    installFakeApi({});

    render(<HomePage />);
    await flush();

    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
    expect(within(document.body).queryByText('健康打卡')).toBeNull();
  });

  it('when feature teams add tiles, then every tile has a unique id and a real icon', () => {
    const ids = ENTRY_TILES.map((tile) => tile.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ENTRY_TILES.every((tile) => tile.icon !== undefined)).toBe(true);
  });
});
