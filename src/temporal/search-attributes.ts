import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes that make a complaint findable in the Temporal Web UI.
 * Registered by scripts/start.sh on the dev server (and by the cluster setup step in production);
 * kept current by the complaint workflow at every change of state.
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
} as const;

/** The type names the `temporal` CLI expects (`--search-attribute Name=Type`). */
const CLI_TYPE_NAMES: Record<string, string> = {
  [SearchAttributeType.KEYWORD]: 'Keyword',
  [SearchAttributeType.DATETIME]: 'Datetime',
  [SearchAttributeType.BOOL]: 'Bool',
  [SearchAttributeType.KEYWORD_LIST]: 'KeywordList',
};

export function searchAttributeCliSpecs(): string[] {
  return Object.values(SA).map((key) => `${key.name}=${CLI_TYPE_NAMES[key.type]}`);
}
