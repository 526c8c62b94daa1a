/**
 * Every settings section (shared/contract/settings-section.ts), read off the contract's registry
 * (domains.ts: a domain declares its sections in its entry). The settings' answer and update schemas
 * (settings.ts), their defaults and the settings service are built from this list; answers list the
 * settings in its order. The renderer's form lists the same sections in its own domains' entries
 * (renderer/src/composition/domains.ts).
 */
import { CONTRACT_DOMAINS, type ContractDomain, type SectionOfDomains } from './domains';

export const SETTINGS_SECTIONS = (CONTRACT_DOMAINS as readonly ContractDomain[]).flatMap((entry) => entry.settings ?? []) as unknown as readonly SectionOfDomains[];
