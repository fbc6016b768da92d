import path from 'node:path';

/** Everything the server reads from its environment, in one place (see README "Configuration"). */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  // base64 of 32 bytes; when absent the embedded default keeps one in dataDir/secret.key.
  secretKey: string | undefined;
  // Sealing keys of before a rotation, still opened (base64, separated by commas); and the index keys (base64 of 96 bytes).
  previousSecretKeys: string | undefined;
  indexKey: string | undefined;
  publicOrigin: string | undefined;
  secureCookies: boolean;
  // Email for notifications; without it they stay in the app.
  smtpUrl: string | undefined;
  mailFrom: string;
  // Replies by email: the port the app's own SMTP server listens on, and the domain of the reply
  // addresses it hands out (its MX points here). Without the port, updates carry no reply address.
  inboundPort: number | undefined;
  inboundDomain: string;
  // Proxies whose X-Forwarded-For is believed (for the sign-in throttle); none by default.
  trustedProxies: string[];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.CROSSROADS_DATA_DIR ?? 'data'),
    secretKey: env.CROSSROADS_SECRET_KEY || undefined,
    previousSecretKeys: env.CROSSROADS_PREVIOUS_SECRET_KEYS || undefined,
    indexKey: env.CROSSROADS_INDEX_KEY || undefined,
    publicOrigin: env.CROSSROADS_PUBLIC_ORIGIN || undefined,
    secureCookies: env.CROSSROADS_SECURE_COOKIES === 'true',
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Crossroads <no-reply@crossroads.invalid>',
    inboundPort: inboundPort(env.SMTP_INBOUND_PORT),
    inboundDomain: env.SMTP_INBOUND_DOMAIN ?? 'reply.crossroads.invalid',
    trustedProxies: (env.CROSSROADS_TRUSTED_PROXIES ?? '').split(',').map((a) => a.trim()).filter(Boolean),
  };
}

function inboundPort(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`SMTP_INBOUND_PORT must be a port number, got "${value}"`);
  return port;
}
