import path from 'node:path';
import { z } from 'zod';
import { type PersonalDataKey, parseHashKey } from '../db/personal-data-cipher';
import {
  DEFAULT_PRIVACY_CONTACT_ADDRESS,
  defaultPrivacyContactEmail,
  type PrivacyContact,
} from '../domain/privacy-notice';
import { DEFAULT_LOG_RETENTION_YEARS } from '../domain/retention';
import type { PayloadKey } from '../temporal/payload-codec';
import { parseEncryptionKeys } from './encryption-keys';

/**
 * All runtime configuration, read from environment variables in one place and validated before
 * anything starts: a bad value stops start-up with a message naming the variable.
 */
export const PROJECT_ROOT = path.resolve(
  __dirname,
  '..',
  '..',
  ...(__dirname.includes(`${path.sep}dist${path.sep}`) ? ['..'] : []),
);

/**
 * JWT secrets that are public (an earlier development default, the example .env): refused in
 * production. Outside production an unset JWT_SECRET means a random secret kept in DATA_DIR
 * (src/api/auth/jwt-secret.ts), never a value written in code.
 */
const PUBLIC_JWT_SECRETS = ['dev-only-jwt-secret-change-me', 'change-me-to-a-long-random-secret'];
export const DEFAULT_SEED_PASSWORD = 'Prabumulih#2026';

const port = z.coerce.number().int().min(1).max(65535);
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: port.default(3000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATA_DIR: z.string().min(1).default(path.join(PROJECT_ROOT, 'data')),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    SQLITE_PATH: z.string().min(1).optional(),
    DB_DEBUG: bool.default(false),
    TEMPORAL_ADDRESS: z
      .string()
      .regex(/^[^\s:]+:\d+$/, 'must be host:port')
      .default('localhost:7233'),
    TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
    TEMPORAL_TASK_QUEUE: z.string().min(1).default('pengaduan'),
    /** Days Temporal keeps a closed complaint's history (set when the setup step creates the namespace). */
    TEMPORAL_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    /**
     * Seconds the API waits for a complaint's workflow to take an action (triage, task completion,
     * response, decision) before answering 503: without a worker, Temporal would hold the request
     * open indefinitely. Below SHUTDOWN_GRACE_SECONDS, so a draining API still answers it.
     */
    TEMPORAL_ACTION_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(20),
    TEMPORAL_UI_URL: z.string().url().default('http://localhost:8233'),
    /**
     * Keys Temporal payloads are encrypted with (src/temporal/payload-codec.ts): comma-separated
     * `<keyId>:<base64 32-byte key>`, the first encrypts, all decrypt. Unset outside production: a
     * random key kept in DATA_DIR.
     */
    TEMPORAL_PAYLOAD_KEYS: z
      .string()
      .transform((text, ctx) => {
        try {
          return parseEncryptionKeys(text);
        } catch (err) {
          ctx.addIssue({ code: 'custom', message: (err as Error).message });
          return z.NEVER;
        }
      })
      .optional(),
    JWT_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    /** Lifetime of an access token (JWT); a refresh token gets a new one. */
    ACCESS_TOKEN_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    /** A refresh token unused this long expires (sliding: each refresh starts it again). */
    REFRESH_TOKEN_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(12),
    /** However often refreshed, a session ends this long after its sign-in. */
    SESSION_MAX_DAYS: z.coerce.number().int().min(1).max(365).default(7),
    SEED_PASSWORD: z.string().min(8, 'must be at least 8 characters').default(DEFAULT_SEED_PASSWORD),
    ATTACHMENT_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(100 * 1024 * 1024)
      .default(10 * 1024 * 1024),
    ATTACHMENT_MAX_COUNT: z.coerce.number().int().min(1).max(1000).default(20),
    PUBLIC_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(30),
    /** Behind a reverse proxy, take the client's address from X-Forwarded-For (rate limits per citizen). */
    TRUST_PROXY: bool.default(false),
    /** On SIGTERM, how long the API and the worker may drain in-flight work before they stop anyway. */
    SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(600).default(25),
    /**
     * Workflows a worker keeps in memory between their steps. A complaint is touched a few times over
     * ten working days, so a small cache costs little (an evicted one is replayed from its history when
     * it next moves) and bounds the worker's memory however many complaints are open.
     */
    WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(100_000).default(250),
    /** Another workflows module for the worker to run (a rehearsal of a workflow upgrade). */
    WORKER_WORKFLOWS_PATH: z.string().min(1).optional(),
    /** host:port where the worker serves the Temporal SDK's Prometheus metrics; unset = off. */
    WORKER_METRICS_ADDRESS: z
      .string()
      .regex(/^[^\s:]+:\d+$/, 'must be host:port')
      .optional(),
    /**
     * Bearer token the API's /metrics requires when set. Unset: open in development and test, and
     * in production answered only to direct loopback connections.
     */
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    /** smtp://user:pass@host:port or smtps://...; unset = e-mails are only logged (README, Notifications). */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, 'must be an smtp:// or smtps:// URL')
      .optional(),
    /** Sender of every e-mail. */
    MAIL_FROM: z.string().min(3).default('Pengaduan DPM-PTSP Kota Prabumulih <pengaduan@localhost>'),
    /** Public base URL of the website, for the tracking links in messages. */
    PUBLIC_URL: z.string().url().optional(),
    /** SMS/WhatsApp gateway: JSON POSTs signed with MESSAGE_GATEWAY_SECRET (README, Notifications). */
    MESSAGE_GATEWAY_URL: z.string().url().optional(),
    MESSAGE_GATEWAY_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    /** E-mail address(es), comma-separated, of the Sekretaris Daerah: the recap reports go there. */
    SEKDA_EMAIL: z
      .string()
      .regex(/^[^\s,@]+@[^\s,@]+(\s*,\s*[^\s,@]+@[^\s,@]+)*$/, 'must be e-mail addresses, comma-separated')
      .optional(),
    /** Delivery attempts of one notification before it is marked FAILED. */
    NOTIFICATION_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
    /** The data protection contact the privacy notice names; unset = pengaduan@ MAIL_FROM's domain. */
    PRIVACY_CONTACT_EMAIL: z
      .string()
      .regex(/^[^\s,@<>]+@[^\s,@<>]+$/, 'must be an e-mail address')
      .optional(),
    /** The office's postal address the privacy notice names for data-subject requests. */
    PRIVACY_CONTACT_ADDRESS: z.string().min(10).max(300).optional(),
    /** Years after closure at which a complaint's personal data are anonymised (src/domain/retention.ts). */
    PERSONAL_DATA_RETENTION_YEARS: z.coerce.number().int().min(1).max(100).default(5),
    /** Years the personal-data access log, the data-subject request log and the security log are kept. */
    LOG_RETENTION_YEARS: z.coerce.number().int().min(1).max(100).default(DEFAULT_LOG_RETENTION_YEARS),
    /**
     * Keys of the encrypted personal-data columns: `<keyId>:<base64 32-byte key>`, comma-separated;
     * the first encrypts, all decrypt (rotation: put a new key first, keep the old ones until
     * `npm run data:reencrypt` has run). Unset outside production: a key kept in DATA_DIR.
     */
    PERSONAL_DATA_KEYS: z
      .string()
      .superRefine((v, ctx) => {
        try {
          parseEncryptionKeys(v);
        } catch (err) {
          ctx.addIssue({ code: 'custom', message: (err as Error).message });
        }
      })
      .optional(),
    /** HMAC-SHA256 key (base64, at least 32 bytes) of the NIK/phone/e-mail lookup hashes. */
    PERSONAL_DATA_HASH_KEY: z
      .string()
      .superRefine((v, ctx) => {
        try {
          parseHashKey(v);
        } catch (err) {
          ctx.addIssue({ code: 'custom', message: (err as Error).message });
        }
      })
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (env.MESSAGE_GATEWAY_URL && !env.MESSAGE_GATEWAY_SECRET)
      ctx.addIssue({
        code: 'custom',
        path: ['MESSAGE_GATEWAY_SECRET'],
        message: 'must be set with MESSAGE_GATEWAY_URL',
      });
    if (env.NODE_ENV !== 'production') return;
    if (!env.JWT_SECRET || PUBLIC_JWT_SECRETS.includes(env.JWT_SECRET))
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'must be set in production' });
    for (const name of ['PERSONAL_DATA_KEYS', 'PERSONAL_DATA_HASH_KEY'] as const)
      if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'must be set in production' });
    if (!env.TEMPORAL_PAYLOAD_KEYS)
      ctx.addIssue({
        code: 'custom',
        path: ['TEMPORAL_PAYLOAD_KEYS'],
        message:
          'must be set in production (<keyId>:<base64 32-byte key>, comma-separated, the first encrypts)',
      });
    if (env.SEED_PASSWORD === DEFAULT_SEED_PASSWORD)
      ctx.addIssue({
        code: 'custom',
        path: ['SEED_PASSWORD'],
        message: 'the default password is refused in production',
      });
    if (env.MESSAGE_GATEWAY_URL && !env.MESSAGE_GATEWAY_URL.startsWith('https://'))
      ctx.addIssue({
        code: 'custom',
        path: ['MESSAGE_GATEWAY_URL'],
        message: 'must be an https:// URL in production',
      });
  });

export type DatabaseConfig = { kind: 'postgresql'; url: string } | { kind: 'sqlite'; path: string };

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  logLevel: string;
  dataDir: string;
  database: DatabaseConfig;
  dbDebug: boolean;
  temporal: {
    address: string;
    namespace: string;
    taskQueue: string;
    uiUrl: string;
    retentionDays: number;
    /** Longest wait for a workflow to take an action before the API answers 503. */
    actionTimeoutMs: number;
    /** TEMPORAL_PAYLOAD_KEYS (the first encrypts); null outside production: a key kept in DATA_DIR. */
    payloadKeys: PayloadKey[] | null;
  };
  /** JWT_SECRET; unset outside production: a random secret kept in DATA_DIR is used instead. */
  jwtSecret: string | null;
  session: {
    accessTokenMinutes: number;
    refreshTokenHours: number;
    maxDays: number;
  };
  seedPassword: string;
  /** Largest evidence file accepted, in bytes. */
  attachmentMaxBytes: number;
  /** Most evidence files one complaint may carry. */
  attachmentMaxCount: number;
  /** Requests per minute one client (IP) may make to each public endpoint. */
  publicRateLimit: number;
  trustProxy: boolean;
  /** Milliseconds the API and the worker may spend draining in-flight work on SIGTERM. */
  shutdownGraceMs: number;
  workerMetricsAddress?: string;
  workerMaxCachedWorkflows: number;
  /** WORKER_WORKFLOWS_PATH: unset = the workflows/ of this build. */
  workerWorkflowsPath?: string;
  /** Bearer token for the API's /metrics; unset = open outside production, loopback only in production. */
  metricsToken?: string;
  notifications: NotificationConfig;
  /** The privacy notice's data protection contact (src/domain/privacy-notice.ts). */
  privacyContact: PrivacyContact;
  /** PERSONAL_DATA_RETENTION_YEARS: a closed complaint's personal data are kept this long, then anonymised. */
  personalDataRetentionYears: number;
  /** LOG_RETENTION_YEARS: rows of the access, data-subject request and security logs older than this are deleted. */
  logRetentionYears: number;
  /**
   * PERSONAL_DATA_KEYS and PERSONAL_DATA_HASH_KEY; null (outside production) = keys kept in DATA_DIR
   * (resolvePersonalDataKeys, src/db/personal-data-cipher.ts).
   */
  personalData: { keys: PersonalDataKey[] | null; hashKey: Buffer | null };
}

export interface NotificationConfig {
  /** SMTP_URL; null = e-mails are logged, not sent. */
  smtpUrl: string | null;
  mailFrom: string;
  /** Base of the links in messages (PUBLIC_URL, default http://localhost:PORT), no trailing slash. */
  publicUrl: string;
  gateway: { url: string; secret: string } | null;
  /** The Sekretaris Daerah's addresses (recap reports). */
  sekdaEmails: string[];
  maxAttempts: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty strings mean "not set", as in most .env files.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const dataDir = path.resolve(c.DATA_DIR);
  return {
    env: c.NODE_ENV,
    host: c.HOST,
    port: c.PORT,
    logLevel: c.LOG_LEVEL,
    dataDir,
    database: c.DATABASE_URL
      ? { kind: 'postgresql', url: c.DATABASE_URL }
      : { kind: 'sqlite', path: path.resolve(c.SQLITE_PATH ?? path.join(dataDir, 'app.sqlite')) },
    dbDebug: c.DB_DEBUG,
    temporal: {
      address: c.TEMPORAL_ADDRESS,
      namespace: c.TEMPORAL_NAMESPACE,
      taskQueue: c.TEMPORAL_TASK_QUEUE,
      uiUrl: c.TEMPORAL_UI_URL.replace(/\/$/, ''),
      retentionDays: c.TEMPORAL_RETENTION_DAYS,
      actionTimeoutMs: c.TEMPORAL_ACTION_TIMEOUT_SECONDS * 1000,
      payloadKeys: c.TEMPORAL_PAYLOAD_KEYS ?? null,
    },
    jwtSecret: c.JWT_SECRET ?? null,
    session: {
      accessTokenMinutes: c.ACCESS_TOKEN_MINUTES,
      refreshTokenHours: c.REFRESH_TOKEN_HOURS,
      maxDays: c.SESSION_MAX_DAYS,
    },
    seedPassword: c.SEED_PASSWORD,
    attachmentMaxBytes: c.ATTACHMENT_MAX_BYTES,
    attachmentMaxCount: c.ATTACHMENT_MAX_COUNT,
    publicRateLimit: c.PUBLIC_RATE_LIMIT,
    trustProxy: c.TRUST_PROXY,
    shutdownGraceMs: c.SHUTDOWN_GRACE_SECONDS * 1000,
    workerMetricsAddress: c.WORKER_METRICS_ADDRESS,
    workerMaxCachedWorkflows: c.WORKER_MAX_CACHED_WORKFLOWS,
    workerWorkflowsPath: c.WORKER_WORKFLOWS_PATH ? path.resolve(c.WORKER_WORKFLOWS_PATH) : undefined,
    metricsToken: c.METRICS_TOKEN,
    notifications: {
      smtpUrl: c.SMTP_URL ?? null,
      mailFrom: c.MAIL_FROM,
      publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, ''),
      gateway:
        c.MESSAGE_GATEWAY_URL && c.MESSAGE_GATEWAY_SECRET
          ? { url: c.MESSAGE_GATEWAY_URL, secret: c.MESSAGE_GATEWAY_SECRET }
          : null,
      sekdaEmails: (c.SEKDA_EMAIL ?? '')
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
      maxAttempts: c.NOTIFICATION_MAX_ATTEMPTS,
    },
    privacyContact: {
      email: c.PRIVACY_CONTACT_EMAIL ?? defaultPrivacyContactEmail(c.MAIL_FROM),
      address: c.PRIVACY_CONTACT_ADDRESS ?? DEFAULT_PRIVACY_CONTACT_ADDRESS,
    },
    personalDataRetentionYears: c.PERSONAL_DATA_RETENTION_YEARS,
    logRetentionYears: c.LOG_RETENTION_YEARS,
    personalData: {
      keys: c.PERSONAL_DATA_KEYS ? parseEncryptionKeys(c.PERSONAL_DATA_KEYS) : null,
      hashKey: c.PERSONAL_DATA_HASH_KEY ? parseHashKey(c.PERSONAL_DATA_HASH_KEY) : null,
    },
  };
}

/** Loads the configuration or exits the process with the validation message (for entry points). */
export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
}
