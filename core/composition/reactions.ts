/**
 * **Registry** of the reactions (core/reactions/reactions.ts): what one domain does when another
 * changes, each registered by the reacting domain. A domain that reacts adds one line here; the
 * domain that changes only emits, and imports none of them.
 */
import type { CoreDeps } from '../context';
import type { Reactions } from '../reactions/reactions';
import type { SettingsService } from '../settings/settings-service';
import { registerStockReactions } from '../stock/stock-reactions';

export function registerReactions(reactions: Reactions, d: { core: CoreDeps; settings: SettingsService }): void {
  // A stay that ends returns its stock loans (an extra bed, a cot) in the same unit of work.
  registerStockReactions(reactions, d);
}
