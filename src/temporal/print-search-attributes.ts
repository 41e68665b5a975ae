// Prints `--search-attribute Name=Type` arguments for `temporal server start-dev` (scripts/start.sh).
import { searchAttributeCliSpecs } from './search-attributes';

process.stdout.write(
  searchAttributeCliSpecs()
    .map((s) => `--search-attribute ${s}`)
    .join(' '),
);
