/** Writes shared/contract/command-table.ts from the contract (`npm run contract:table`). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderCommandTable } from '../shared/contract/command-table-source';

const target = fileURLToPath(new URL('../shared/contract/command-table.ts', import.meta.url));
writeFileSync(target, renderCommandTable());
console.log(`wrote ${target}`);
