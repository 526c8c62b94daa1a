/**
 * What a domain gives the contract fixture (tests/support/contract-fixture.ts, the registry): the
 * records its commands' inputs need on the fixture hotel (`seed`), and one complete valid input per
 * command of its contract (`inputs`). A domain's fixture sits beside its tests
 * (`tests/core/<domain>/<domain>-contract-fixture.ts`) and is one line of the registry.
 */
import type { CommandName, Role } from '../../shared/contract/commands';
import type { Core } from '../../core/create-core';
import type { Session } from './sessions';

export interface ContractFixture {
  sessions: Record<Role, Session>;
  /** A staff user the admin manages (users:update, users:resetPassword) and who signs in (auth:login). */
  victim: Session;
}

/** Each input as the caller sends it (wire values), every field the command takes named. */
export type ValidInputs = Partial<Record<CommandName, Record<string, unknown>>>;

export interface DomainFixture<I extends ValidInputs> {
  /**
   * Stores what the domain's inputs need, in the registry's order (ids are counted per table, so a
   * later domain may name an earlier one's records). `f` is filled as the seeds run: the sessions
   * exist once the auth fixture has seeded.
   */
  seed?(core: Core, f: ContractFixture): Promise<void>;
  inputs(f: ContractFixture): I;
}

/** Checks a domain's fixture while keeping the commands its inputs name (the registry checks none is missing). */
export function domainFixture<const I extends ValidInputs>(fixture: DomainFixture<I>): DomainFixture<I> {
  return fixture;
}
