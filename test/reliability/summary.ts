import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../helpers/paths';

export interface ScenarioSummary {
  scenario: string;
  load: string;
  faults: string;
  inputs: number;
  lost: number;
}

/**
 * One line per scenario on the console and in test-artifacts/<suite>-summary.txt (the topology's
 * fault scenarios of npm run test:cluster write cluster-summary.txt), e.g.
 * `reliability | kill -9 worker | load 200 complaints / 1600 tasks | faults 1 SIGKILL | inputs 1800 | lost 0`.
 * The figures come from the data; the tests assert `lost === 0` separately.
 */
export function printScenario(s: ScenarioSummary, suite: 'reliability' | 'cluster' = 'reliability'): void {
  const line = `${suite} | ${s.scenario} | load ${s.load} | faults ${s.faults} | inputs ${s.inputs} | lost ${s.lost}\n`;
  process.stdout.write(line);
  const dir = path.join(REPO_ROOT, 'test-artifacts');
  fs.mkdirSync(dir, { recursive: true });
  fs.appendFileSync(path.join(dir, `${suite}-summary.txt`), line);
}
