import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { apiError, installFakeApi, sessionFor } from '../../../../test-support/fake-api';
import { FIRM, hotlineCall } from '../../../../test-support/hotline-fixtures';
import { saveSession } from '../../../services/session-vault';
import CallFormPage from './index';

const flush = () =>
  act(async () => {
    for (let i = 0; i < 4; i += 1) await Promise.resolve();
  });
const fill = (placeholder: string, value: string) =>
  fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } });

/** Fills a call about the registry firm 余姚模具厂, raised as an issue to `department`. */
async function fillIssueCall(category: string, text: string, department: string) {
  fireEvent.click(screen.getByText('7712345 企业复工热线'));
  fill('来电人手机号', '13957405678');
  fill('企业名称关键字', '模具');
  fireEvent.click(screen.getByText('查找企业'));
  await flush();
  fireEvent.click(screen.getByText('余姚模具厂'));
  fireEvent.click(screen.getByText(category));
  fill('来电人反映的问题或咨询的事项', text);
  fireEvent.click(screen.getByText('转为问题诉求'));
  fireEvent.click(screen.getByText(department));
}
const firmFound = { status: 200, body: { items: [{ id: FIRM, name: '余姚模具厂' }] } };

beforeEach(() => {
  saveSession(sessionFor(['hotline_operator']));
  Object.assign(Taro, { redirectTo: jest.fn(async () => ({})) });
});

describe('登记来电 page', () => {
  it('when the operator picks the firm from the registry and raises the call to 人社局, then the call goes with the picks and the list opens', async () => {
    const api = installFakeApi({
      'GET /api/hotline/enterprises': firmFound,
      'POST /api/hotline/calls': { status: 201, body: hotlineCall() },
    });
    render(<CallFormPage />);
    await fillIssueCall('就业服务', '工厂复工缺少熟练工 40 人', '人社局');
    expect(api.calls.find((c) => c.path === '/api/hotline/enterprises')?.url).toContain(
      'q=%E6%A8%A1%E5%85%B7',
    );
    fireEvent.click(screen.getByText('紧急'));
    fireEvent.click(screen.getByText('登记'));
    await flush();

    const post = api.calls.find((c) => c.method === 'POST');
    expect(post?.data).toEqual({
      line: '7712345',
      callerPhone: '13957405678',
      enterpriseId: FIRM,
      category: 'employment',
      text: '工厂复工缺少熟练工 40 人',
      outcome: { kind: 'issue', departmentCode: 'rsj', urgency: 'urgent' },
    });
    expect(post?.header['Idempotency-Key']).toBeTruthy();
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/hotline/pages/calls/index' });
  });

  it('when a call is answered on the spot, then the answer is sent and no firm is needed', async () => {
    const api = installFakeApi({
      'POST /api/hotline/calls': {
        status: 201,
        body: hotlineCall({ status: 'answered', issueId: null, issueNumber: null }),
      },
    });
    render(<CallFormPage />);
    fireEvent.click(screen.getByText('12333 人社服务热线'));
    fill('来电人手机号', '139 5740 1234');
    fireEvent.click(screen.getByText('社保、失业保险'));
    fill('来电人反映的问题或咨询的事项', '失业保险金能否网上申领');
    fireEvent.click(screen.getByText('当场答复'));
    fill('当场答复的内容', '可在政务服务网在线申领');
    fireEvent.click(screen.getByText('登记'));
    await flush();
    expect(api.calls.find((c) => c.method === 'POST')?.data).toEqual({
      line: '12333',
      callerPhone: '13957401234',
      enterpriseId: null,
      category: 'social_insurance',
      text: '失业保险金能否网上申领',
      outcome: { kind: 'answered', answer: '可在政务服务网在线申领' },
    });
  });

  it('when the form is sent with a bad number and an issue without a firm, then each field says why and nothing is sent', async () => {
    const api = installFakeApi({});
    render(<CallFormPage />);
    fireEvent.click(screen.getByText('12345 政务服务热线'));
    fill('来电人手机号', '1395740');
    fireEvent.click(screen.getByText('政策咨询'));
    fill('来电人反映的问题或咨询的事项', '复工后社保能否缓缴');
    fireEvent.click(screen.getByText('转为问题诉求'));
    fireEvent.click(screen.getByText('人社局'));
    fireEvent.click(screen.getByText('登记'));
    await flush();
    expect(screen.getByText('请输入 11 位手机号')).toBeTruthy();
    expect(screen.getByText('转为问题诉求须选择所涉企业')).toBeTruthy();
    expect(api.calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('when the server refuses the firm, then its message shows on the form and the page stays', async () => {
    installFakeApi({
      'GET /api/hotline/enterprises': firmFound,
      'POST /api/hotline/calls': apiError(404, 'NOT_FOUND', '未找到该企业'),
    });
    render(<CallFormPage />);
    await fillIssueCall('复工复产困难', '复工备案材料不知如何提交', '工信局');
    fireEvent.click(screen.getByText('登记'));
    await flush();
    expect(screen.getByText('未找到该企业')).toBeTruthy();
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });
});
