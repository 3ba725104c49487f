/**
 * X.500 names of people and agencies, in UTF-8 and NFC so Vietnamese reads the same everywhere.
 * @module
 */
import * as asn1js from 'asn1js';
import { AttributeTypeAndValue, RelativeDistinguishedNames } from 'pkijs';

/** The parts of a certificate subject Motcua uses. */
export interface SubjectName {
  /** CN: the person's full name ("Nguyễn Thị Hoà") or the authority's name. */
  commonName: string;
  /** O: the agency ("UBND xã Đắk La"); absent for citizens. */
  organization?: string;
  /** UID: the account's login (an officer's username or a citizen's CCCD). */
  userId?: string;
  /** ST: province ("Kon Tum"). */
  province?: string;
  /** C: ISO country code, "VN". */
  country?: string;
}

const OID = {
  country: '2.5.4.6',
  province: '2.5.4.8',
  organization: '2.5.4.10',
  commonName: '2.5.4.3',
  userId: '0.9.2342.19200300.100.1.1',
} as const satisfies Record<keyof SubjectName, string>;

/** Most significant first, the usual order of a distinguished name. */
const ORDER: Array<keyof SubjectName> = ['country', 'province', 'organization', 'userId', 'commonName'];

/**
 * Builds the pkijs name, one attribute per RDN (pkijs alone would put them all in one
 * multi-valued RDN); every value is NFC-normalized, C is a PrintableString, the rest UTF8String.
 */
export function toDistinguishedName(name: SubjectName): RelativeDistinguishedNames {
  const sets: asn1js.Set[] = [];
  for (const key of ORDER) {
    const raw = name[key];
    if (raw === undefined || raw.trim() === '') continue;
    const value = raw.normalize('NFC').trim();
    const typeAndValue = new AttributeTypeAndValue({
      type: OID[key],
      value: key === 'country' ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value }),
    });
    sets.push(new asn1js.Set({ value: [typeAndValue.toSchema()] }));
  }
  const der = new asn1js.Sequence({ value: sets }).toBER(false);
  return new RelativeDistinguishedNames({ schema: asn1js.fromBER(der).result });
}

/** Reads the parts Motcua knows from a pkijs name (other attributes are ignored). */
export function fromDistinguishedName(rdn: RelativeDistinguishedNames): SubjectName {
  const out: Partial<Record<keyof SubjectName, string>> = {};
  for (const tv of rdn.typesAndValues) {
    const key = ORDER.find((k) => OID[k] === tv.type);
    if (!key || out[key] !== undefined) continue;
    const value = (tv.value as { valueBlock?: { value?: unknown } }).valueBlock?.value;
    if (typeof value === 'string') out[key] = value.normalize('NFC');
  }
  return { ...out, commonName: out.commonName ?? '' };
}

/** Compares two names after NFC normalization and trimming (absent and empty are equal). */
export function sameSubject(a: SubjectName, b: SubjectName): boolean {
  const norm = (v: string | undefined) => (v ?? '').normalize('NFC').trim();
  return ORDER.every((key) => norm(a[key]) === norm(b[key]));
}
