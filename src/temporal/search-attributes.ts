import { SearchAttributeType } from '@temporalio/common';
import { SA } from '../../workflows/complaint/search-attributes';

/**
 * The custom search attributes (defined in workflows/complaint/search-attributes.ts, the only list,
 * so that workflow code never imports from src/temporal), plus what the client side needs to
 * register them.
 */
export { SA };

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
