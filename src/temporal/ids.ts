/**
 * Workflow IDs read as the complaint they run: register number 2026/11/0042 runs as
 * workflow `pengaduan-2026-11-0042`, so an operator can find it in the Web UI by the number
 * printed on the complainant's receipt.
 */
export const WORKFLOW_ID_PREFIX = 'pengaduan-';

export function workflowIdForRegister(registerNumber: string): string {
  return WORKFLOW_ID_PREFIX + registerNumber.replace(/\//g, '-');
}

/**
 * The workflow of the new round an objection (keberatan) opens: the first workflow has completed,
 * and its history stays under its own ID (`pengaduan-2026-11-0042-keberatan-1`).
 */
export function workflowIdForObjection(registerNumber: string, round: number): string {
  return `${workflowIdForRegister(registerNumber)}-keberatan-${round}`;
}
