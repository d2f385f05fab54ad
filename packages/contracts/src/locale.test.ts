import { z } from 'zod';
import { phoneLoginSchema } from './index';

describe('Chinese validation messages', () => {
  it('when a field has the wrong type, then the message is Chinese and says what is expected', () => {
    const r = z.object({ n: z.number() }).safeParse({ n: 'x' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].message).toBe('应为数字');
  });

  it('when a required field is missing, then the message says it is required', () => {
    const r = phoneLoginSchema.safeParse({ code: '123456' });
    expect(r.error!.issues[0].message).toBe('此项必填');
  });

  it('when unknown fields are sent to a strict schema, then they are named', () => {
    const r = phoneLoginSchema.safeParse({ phone: '13800000001', code: '123456', role: 'admin' });
    expect(r.error!.issues[0].message).toBe('不允许的字段：role');
  });

  it('when a schema carries its own message, then that message wins', () => {
    const r = phoneLoginSchema.safeParse({ phone: '123', code: '123456' });
    expect(r.error!.issues[0].message).toBe('请输入 11 位手机号');
  });
});
