import Taro from '@tarojs/taro';
import { fireEvent, render, screen } from '@testing-library/react';
import { formatTime } from '../../services/format';
import { IssueRow } from './index';

const ISSUE = {
  id: '65f0a1b2c3d4e5f6a7b8c9a1',
  category: 'labour',
  description: '缺少熟练焊工 20 人',
  state: 'submitted',
  reportedAt: '2027-03-01T01:30:00.000Z',
} as const;

describe('IssueRow', () => {
  it('when a steward taps an open issue of the firm, then its detail page opens for that issue', () => {
    render(<IssueRow issue={ISSUE} />);
    expect(screen.getByText('【用工】缺少熟练焊工 20 人')).toBeTruthy();
    fireEvent.click(screen.getByText('【用工】缺少熟练焊工 20 人'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: `/enterprise/pages/issue-detail/index?id=${ISSUE.id}`,
    });
  });

  it('when the liaison follows their own reports, then the row also says when it was reported; the steward sees the state alone', () => {
    const { container, unmount } = render(<IssueRow issue={ISSUE} withReportedAt />);
    expect(container.querySelector('.row-item__meta')?.textContent).toBe(
      `已提交 · ${formatTime(ISSUE.reportedAt)}`,
    );
    unmount();
    const steward = render(<IssueRow issue={ISSUE} />);
    expect(steward.container.querySelector('.row-item__meta')?.textContent).toBe('已提交');
  });
});
