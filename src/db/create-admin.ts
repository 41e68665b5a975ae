// Creates an ADMIN account (the first one of a production installation), then exits.
//
//   npm run user:create-admin -- --username admin --full-name "Administrator DPM-PTSP"
//
// The password comes from ADMIN_PASSWORD, or is asked (hidden, twice) when stdin is a terminal. It
// must pass the same rules as in the API. Pending migrations are applied first. An existing username
// is refused: this command never changes an account.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { read } from 'read';
import { loadConfigOrExit } from '../config/config';
import { hashPassword, passwordProblem } from '../domain/password-policy';
import { createOrm, migrateUp } from './orm';
import { SecurityEventRepository } from './repositories/security-event.repository';
import { USERNAME_PATTERN, UserRepository } from './repositories/user.repository';

const USAGE = `Usage: npm run user:create-admin -- --username <name> --full-name "<full name>" [--email <email>]
  (or ADMIN_USERNAME, ADMIN_FULL_NAME, ADMIN_EMAIL)
  The password is read from ADMIN_PASSWORD, or asked when run in a terminal.`;

/** A refusal to report without a stack trace. */
class Refused extends Error {}

async function askPassword(): Promise<string> {
  const first = await read({ prompt: 'Password: ', silent: true, replace: '*' });
  const second = await read({ prompt: 'Password (again): ', silent: true, replace: '*' });
  if (first !== second) throw new Refused('The two passwords differ.');
  return first;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      username: { type: 'string' },
      'full-name': { type: 'string' },
      email: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const username = (values.username ?? process.env.ADMIN_USERNAME ?? '').trim().toLowerCase();
  const fullName = (values['full-name'] ?? process.env.ADMIN_FULL_NAME ?? '').trim();
  const email = (values.email ?? process.env.ADMIN_EMAIL ?? '').trim() || null;
  if (!username || !fullName) throw new Refused(`A username and a full name are needed.\n${USAGE}`);
  if (!USERNAME_PATTERN.test(username)) {
    throw new Refused(
      "The username may hold lowercase letters, digits, '.', '_' and '-' (3 to 64, a letter or digit at each end).",
    );
  }
  if (fullName.length > 200) throw new Refused('The full name is longer than 200 characters.');

  let password = process.env.ADMIN_PASSWORD ?? '';
  if (!password) {
    if (!process.stdin.isTTY) throw new Refused('Set ADMIN_PASSWORD, or run the command in a terminal.');
    password = await askPassword();
  }
  const problem = passwordProblem(password, { username, fullName });
  if (problem) throw new Refused(`Password refused: ${problem}`);

  const config = loadConfigOrExit();
  const orm = await createOrm(config);
  try {
    const applied = await migrateUp(orm);
    if (applied.length) console.log(`Applied ${applied.length} migration(s).`);
    const users = new UserRepository(orm.em);
    if (await users.findByUsername(username)) {
      throw new Refused(`The username "${username}" exists already; nothing was changed.`);
    }
    const now = new Date();
    const user = await users.insert({
      id: randomUUID(),
      username,
      fullName,
      passwordHash: await hashPassword(password),
      role: 'ADMIN',
      unit: null,
      area: null,
      eselon: null,
      email,
      phone: null,
      active: true,
      tokenVersion: 0,
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: null,
    });
    await new SecurityEventRepository(orm.em).record({
      type: 'USER_CREATED',
      actor: null,
      target: { id: user.id, username: user.username },
      ip: null,
      details: { via: 'cli', role: 'ADMIN' },
    });
    console.log(`Admin "${username}" created (${config.database.kind} database).`);
  } finally {
    await orm.close();
  }
}

main().catch((err) => {
  console.error(
    err instanceof Refused || (err as { code?: string })?.code?.startsWith('ERR_PARSE_ARGS')
      ? err.message
      : err,
  );
  process.exit(1);
});
