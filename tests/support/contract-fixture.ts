/**
 * **The contract fixture's registry: a domain's fixture is one line here.** A small hotel on which
 * every command of the contract has an input that succeeds, for the tests that call every route (the
 * role matrix, the first-run lock, the bad-input suite, the API document's fuzzer, the exports' check).
 * Each domain keeps its part beside its tests (`tests/core/<domain>/<domain>-contract-fixture.ts`: what it
 * seeds, and one complete valid input per command); the list's order is the seeds' order (a stay's
 * loan needs the stay, the appointments the client's session). The type refuses a command without
 * its input.
 */
import type { z } from 'zod';
import { commands, type CommandDef, type CommandName } from '../../shared/contract/commands';
import type { Core } from '../../core/create-core';
import { appointmentsContractFixture } from '../core/appointments/appointments-contract-fixture';
import { authContractFixture } from '../core/auth/auth-contract-fixture';
import { blocksContractFixture } from '../core/blocks/blocks-contract-fixture';
import { boardContractFixture } from '../core/board/board-contract-fixture';
import { carsContractFixture } from '../core/cars/cars-contract-fixture';
import { deskContractFixture } from '../core/desk/desk-contract-fixture';
import { healthContractFixture } from '../core/health/health-contract-fixture';
import { importsContractFixture } from '../core/imports/imports-contract-fixture';
import { outboxContractFixture } from '../core/outbox/outbox-contract-fixture';
import { printContractFixture } from '../core/print/print-contract-fixture';
import { reportsContractFixture } from '../core/reports/reports-contract-fixture';
import { roomsContractFixture } from '../core/rooms/rooms-contract-fixture';
import { settingsContractFixture } from '../core/settings/settings-contract-fixture';
import { staysContractFixture } from '../core/stays/stays-contract-fixture';
import { stockContractFixture } from '../core/stock/stock-contract-fixture';
import type { ContractFixture, DomainFixture, ValidInputs } from './domain-fixture';

const FIXTURES = [
  roomsContractFixture,
  staysContractFixture,
  stockContractFixture,
  blocksContractFixture,
  outboxContractFixture,
  carsContractFixture,
  authContractFixture,
  appointmentsContractFixture,
  healthContractFixture,
  settingsContractFixture,
  boardContractFixture,
  deskContractFixture,
  printContractFixture,
  importsContractFixture,
  reportsContractFixture,
] as const;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type AllInputs = UnionToIntersection<ReturnType<(typeof FIXTURES)[number]['inputs']>>;
// Every command of the contract has its valid input in some domain's fixture (this line does not compile otherwise).
type Complete<T extends Record<CommandName, Record<string, unknown>>> = T;
export type ContractInputs = Complete<AllInputs>;

/** Seeds the fixture hotel: each domain's records, in the registry's order. */
export async function seedContractHotel(core: Core): Promise<ContractFixture> {
  const f = { sessions: {} } as ContractFixture;
  for (const fixture of FIXTURES as readonly DomainFixture<ValidInputs>[]) await fixture.seed?.(core, f);
  return f;
}

/**
 * The input of `name` that succeeds on the fixture, as the caller sends it (wire values): **the one
 * table of valid inputs** (the role matrix, the first-run lock and the bad-input suite all start
 * here). Complete: every field the command takes is named, so the bad-input suite spoils each one.
 */
export function contractInput(name: CommandName, f: ContractFixture): Record<string, unknown> {
  const inputs = Object.assign({}, ...FIXTURES.map((fixture) => fixture.inputs(f))) as ContractInputs;
  return inputs[name];
}

/** The same input as the core's handlers receive it (validated and coerced by the contract). */
export function parsedContractInput(name: CommandName, f: ContractFixture): unknown {
  return ((commands[name] as CommandDef).input as z.ZodType).parse(contractInput(name, f));
}

export interface WireRequest {
  method: CommandDef['http']['method'];
  url: string;
  /** JSON text, for the methods that carry a body. */
  payload?: string;
}

/** The request that carries `input` to the command's route: path parameters, then query or JSON body. */
export function wireRequest(name: CommandName, input: Record<string, unknown>): WireRequest {
  const def = commands[name] as CommandDef;
  const rest = { ...input };
  const path = def.http.path.replace(/:([A-Za-z_]\w*)/g, (_, k: string) => {
    const value = String(rest[k]);
    delete rest[k];
    return encodeURIComponent(value);
  });
  if (def.http.method === 'GET' || def.http.method === 'DELETE') {
    const qs = new URLSearchParams(Object.entries(rest).map(([k, v]): [string, string] => [k, String(v)])).toString();
    return { method: def.http.method, url: qs ? `${path}?${qs}` : path };
  }
  return { method: def.http.method, url: path, payload: JSON.stringify(rest) };
}
