/**
 * The population registry port (Cơ sở dữ liệu quốc gia về dân cư, CSDLQG DC), as a connector to it
 * looks from the one-stop desk: the officer sends what the card says (số định danh, họ tên, ngày
 * sinh) and the registry confirms it, answering with the person's record, or says it does not.
 *
 * @remarks A real connector (through the national data-sharing platform NDXP / the VNeID
 * gateway) has the same shape: a lookup keyed by the number and checked against name and birth
 * date. It never lists or searches people.
 */
import type { PopulationPerson } from '@motcua/model';

export interface PopulationQuery {
  /** 12-digit số định danh cá nhân. */
  cccd: string;
  fullName: string;
  /** YYYY-MM-DD. */
  birthDate: string;
}

export type PopulationAnswer =
  | { status: 'found'; person: PopulationPerson }
  /** The number exists but the name or birth date does not match it: nothing is revealed. */
  | { status: 'mismatch' }
  | { status: 'not_found' };

export interface PopulationRegistry {
  /** Where the answers come from, for the audit trail and the UI ("CSDLQG về dân cư"). */
  readonly source: string;
  lookup(query: PopulationQuery): Promise<PopulationAnswer>;
}

/** The registry could not be reached; the desk goes on with the card and checks later. */
export class PopulationUnavailableError extends Error {
  override readonly name = 'PopulationUnavailableError';
  readonly code = 'population_unavailable';
}
