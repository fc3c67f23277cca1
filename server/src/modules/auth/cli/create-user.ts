import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import type { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { UserRole } from '../actor.js';
import { UserService } from '../user.service.js';

export const USAGE = `Gebruik: npm run user:create -- --email <adres> --role <member|coordinator|administrator|policy_officer> [--team <team-id of naam>]… [--password <wachtwoord> | --prompt]
  Zonder --password of --prompt wordt een wachtwoord gemaakt en één keer getoond.`;

export interface CliIo {
  out: (line: string) => void;
  /** Asks for a password (only with --prompt). */
  ask?: (question: string) => Promise<string>;
}

/** `user:create`: creates an account from the command line. Returns the process exit code. */
export async function createUserCommand(dataSource: DataSource, argv: string[], io: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        email: { type: 'string' },
        role: { type: 'string' },
        team: { type: 'string', multiple: true },
        password: { type: 'string' },
        prompt: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    io.out(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help || !values.email || !values.role) {
    io.out(USAGE);
    return values.help ? 0 : 2;
  }
  const role = values.role.toUpperCase() as UserRole;
  if (!Object.values(UserRole).includes(role)) {
    io.out(`Onbekende rol "${values.role}": kies member, coordinator, administrator of policy_officer`);
    return 2;
  }
  let password = values.password ?? null;
  if (values.prompt) {
    if (!io.ask) {
      io.out('--prompt werkt alleen in een terminal');
      return 2;
    }
    password = await io.ask('Wachtwoord (minstens 12 tekens): ');
  }
  const users = new UserService(dataSource, new AuditService());
  try {
    const teams = await users.resolveTeams(dataSource.manager, values.team ?? [], 'team');
    const { user, generatedPassword } = await users.create(null, { email: values.email, role, teamIds: teams.map((t) => t.id), password });
    io.out(`Account aangemaakt: ${user.email} (${user.role}${teams.length ? `, teams: ${teams.map((t) => t.name).join(', ')}` : ''})`);
    if (generatedPassword) io.out(`Wachtwoord (wordt maar één keer getoond): ${generatedPassword}`);
    return 0;
  } catch (error) {
    io.out(`Niet aangemaakt: ${(error as Error).message}`);
    return 1;
  }
}

/** Reads a line from the terminal without echoing it. */
export async function askHidden(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const write = rl as unknown as { _writeToOutput: (s: string) => void };
  const original = write._writeToOutput.bind(rl);
  let asked = false;
  write._writeToOutput = (s: string) => {
    if (!asked) {
      original(s);
      asked = true;
    }
  };
  try {
    return await rl.question(question);
  } finally {
    rl.close();
    process.stdout.write('\n');
  }
}
