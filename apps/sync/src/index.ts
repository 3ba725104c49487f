/**
 * Boot only: read the environment, start the server, print where it is and the demo accounts.
 */
import { existsSync } from 'node:fs';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { startServer } from './server.ts';

let config: Config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`Cấu hình không hợp lệ: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

const server = await startServer(config).catch((error: unknown) => {
  process.stderr.write(`Không khởi động được máy chủ: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
const out = process.stdout;
out.write(`Motcua sync (${config.tier}) đang chạy tại http://localhost:${server.port}\n`);
out.write(`Dữ liệu: ${config.databaseUrl ? 'PostgreSQL' : config.dataDir}\n`);
if (config.pwaDir && !existsSync(config.pwaDir)) out.write(`Chưa có bản build PWA tại ${config.pwaDir} (npm run build:pwa): chỉ phục vụ /api\n`);
if (server.demo) {
  out.write(`\nTài khoản demo (mật khẩu ${server.demo.password}):\n`);
  for (const user of server.demo.users) {
    out.write(`  ${user.username.padEnd(18)} ${user.fullName} (${user.role})\n`);
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
