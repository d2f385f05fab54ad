import {
  ISSUE_CATEGORIES,
  ISSUE_CATEGORY_LABELS,
  ISSUE_URGENCIES,
  ISSUE_URGENCY_LABELS,
  DEPARTMENTS,
  type IssueCategory,
  type IssueUrgency,
} from '@fugong/contracts';
import type { ChipOption } from './index';

export const CATEGORY_OPTIONS: ChipOption<IssueCategory>[] = ISSUE_CATEGORIES.map((value) => ({
  value,
  label: ISSUE_CATEGORY_LABELS[value],
}));
export const URGENCY_OPTIONS: ChipOption<IssueUrgency>[] = ISSUE_URGENCIES.map((value) => ({
  value,
  label: ISSUE_URGENCY_LABELS[value],
}));
export const DEPARTMENT_OPTIONS: ChipOption<string>[] = DEPARTMENTS.map((d) => ({
  value: d.code,
  label: d.name,
}));
export const RATING_OPTIONS: ChipOption<number>[] = [1, 2, 3, 4, 5].map((value) => ({
  value,
  label: `${value} 分`,
}));
