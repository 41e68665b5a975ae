import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes that make a complaint findable in the Temporal Web UI.
 * Registered by scripts/start.sh on the dev server (and by the cluster setup step in production);
 * kept current by the complaint workflow at every change of state.
 *
 * Lives under workflows/ because workflow code upserts them: this module must stay workflow-safe
 * (only key definitions). src/temporal/search-attributes.ts re-exports it for the client side.
 */
export const SA = {
  ComplaintStatus: defineSearchAttributeKey('ComplaintStatus', SearchAttributeType.KEYWORD),
  ComplaintCategory: defineSearchAttributeKey('ComplaintCategory', SearchAttributeType.KEYWORD),
  ComplaintChannel: defineSearchAttributeKey('ComplaintChannel', SearchAttributeType.KEYWORD),
  DueAt: defineSearchAttributeKey('DueAt', SearchAttributeType.DATETIME),
  Overdue: defineSearchAttributeKey('Overdue', SearchAttributeType.BOOL),
  PendingUnits: defineSearchAttributeKey('PendingUnits', SearchAttributeType.KEYWORD_LIST),
  Kecamatan: defineSearchAttributeKey('Kecamatan', SearchAttributeType.KEYWORD),
  WaitingFor: defineSearchAttributeKey('WaitingFor', SearchAttributeType.KEYWORD),
  /** Stages whose deadline passed: TRIAGE, TASK:<unit>, DECISION (src/domain/stage-deadlines.ts). */
  StageBreached: defineSearchAttributeKey('StageBreached', SearchAttributeType.KEYWORD_LIST),
  /** The earliest deadline among the stages still pending. */
  StageDueAt: defineSearchAttributeKey('StageDueAt', SearchAttributeType.DATETIME),
} as const;
