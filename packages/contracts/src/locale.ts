import { z } from 'zod';

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是/否',
  object: '对象',
  array: '列表',
  date: '日期',
  undefined: '空值',
  null: '空值',
};

const typeName = (t: unknown) => TYPE_NAMES[String(t)] ?? String(t);

/**
 * Chinese messages for zod's built-in checks, installed once for both apps when contracts is
 * imported. A worker reads these next to a form field, so they say what to fix, in plain words.
 * Schemas that carry their own message keep it; anything unlisted falls back to zod's zh-CN locale.
 */
export function installChineseErrors(): void {
  z.config(z.locales.zhCN());
  z.config({
    customError: (issue) => {
      switch (issue.code) {
        case 'invalid_type':
          return issue.input === undefined ? '此项必填' : `应为${typeName(issue.expected)}`;
        case 'too_small':
          if (issue.origin === 'string')
            return Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${issue.minimum} 个字`;
          if (issue.origin === 'array') return `至少选择 ${issue.minimum} 项`;
          return `不能小于 ${issue.minimum}`;
        case 'too_big':
          if (issue.origin === 'string') return `不能超过 ${issue.maximum} 个字`;
          if (issue.origin === 'array') return `最多 ${issue.maximum} 项`;
          return `不能大于 ${issue.maximum}`;
        case 'unrecognized_keys':
          return `不允许的字段：${issue.keys.join('、')}`;
        case 'invalid_value':
          return `应为以下之一：${issue.values.map(String).join('、')}`;
        case 'invalid_format':
          return '格式不正确';
        default:
          return undefined;
      }
    },
  });
}

installChineseErrors();
