/**
 * `npm start`: builds the H5 client if needed, starts the BFF on the embedded database
 * (./data/db, kept between runs) with demo data, serves the H5 client, and prints where to go.
 */
const fs = require('node:fs');
const path = require('node:path');
const { startStack, ROOT } = require('./lib/stack');
const { ensureH5Build } = require('./lib/h5-build');

async function main() {
  ensureH5Build();
  const logDir = path.join(ROOT, 'data/logs');
  fs.mkdirSync(logDir, { recursive: true });
  const logFile = fs.createWriteStream(path.join(logDir, 'bff.log'), { flags: 'a' });
  const persistent = !process.env.MONGODB_URI;
  const stack = await startStack({
    apiPort: Number(process.env.PORT || 3000),
    webPort: Number(process.env.WEB_PORT || 10086),
    dbPath: persistent ? process.env.EMBEDDED_DB_PATH || path.join(ROOT, 'data/db') : null,
    onLine(line) {
      logFile.write(`${line}\n`);
      try {
        const entry = JSON.parse(line);
        if (entry.msg === 'otp.sent')
          console.log(`  [演示短信] ${entry.phoneMasked} 的验证码：${entry.code}`);
        else if (entry.level >= 50)
          console.log(`  [错误] ${entry.msg} (${entry.requestId ?? ''}) — 详见 data/logs/bff.log`);
      } catch {
        if (line.trim()) console.log(`  ${line}`);
      }
    },
  });
  console.log(`
复工通 is running.
  H5 client (open in a browser, phone-sized window):  ${stack.webUrl}
  API:                                                 ${stack.apiUrl}/api  (docs: ${stack.apiUrl}/api/openapi.json)
  Database: ${process.env.MONGODB_URI ? 'MONGODB_URI' : 'embedded, data/db'}      Logs: data/logs/bff.log

Demo accounts (sign in with the phone; the one-time code is printed here):
  13800000001 务工人员   13800000002 企业联络员   13800000003 复工管家
  13800000004 部门办理人 13800000005 交通专班     13800000006 指挥部
Press Ctrl+C to stop.`);
  let stopping = false;
  const stop = () => {
    stopping = true;
    console.log('\nStopping…');
    stack.stop().then(() => process.exit(0));
  };
  // A BFF that dies (killed, out of memory) must not leave a client page that can reach nothing.
  stack.exited.then((how) => {
    if (stopping) return;
    console.error(`\nBFF 已退出（${how}），服务已停止。详见 data/logs/bff.log — the BFF exited; stopping.`);
    stack.stop().then(() => process.exit(1));
  });
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err.message || err);
  process.exit(1);
});
