import { Writable } from 'node:stream';
import { createLogger } from '../../logger';
import { logSmsGateway } from './sms-gateway';

describe('the demo SMS gateway (log)', () => {
  it('when a text is sent, then the log line names its kind and the masked number, never the full number or the text', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    await logSmsGateway(createLogger('info', sink)).send({
      phone: '13957401234',
      text: '【复工通】您反映的问题已办理：下周一输送熟练工',
      kind: 'hotline_outcome',
    });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      msg: 'sms.sent',
      kind: 'hotline_outcome',
      phoneMasked: '139****1234',
    });
    expect(lines[0]).not.toContain('13957401234');
    expect(lines[0]).not.toContain('下周一');
  });
});
