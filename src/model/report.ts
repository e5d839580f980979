/**
 * TypeScript view of the REPORT-JSON contract, version 1 (docs/report-json.md).
 * The runtime check is the zod schema in `schema.ts`, built from the layouts in `layout.ts`.
 * A blank cell is `null`; a missing key means the same as `null`.
 */
import type { Format } from './layout.js';

/** A count cell: a whole number, or `null` when the published cell was blank. */
export type Count = number | null;
/** An exact decimal: a JSON number or a decimal string such as "24252.311082". */
export type Money = number | string | null;
/** 2019 采购总金额: money, optionally with the unit written in the cell. */
export type Amount = Money | { value: number | string; unit?: string };

export type ApplicantRow = Partial<
  Record<'natural' | 'commercial' | 'research' | 'publicInterest' | 'legalService' | 'otherOrg' | 'total', Count>
>;
export type AppealGroup = Partial<Record<'upheld' | 'corrected' | 'other' | 'pending' | 'total', Count>>;

/** A row found in a published table that the template does not have (kept, never dropped). */
export interface ExtraRow {
  label: string;
  values: Array<number | string | null>;
}

export interface Applications {
  newReceived?: ApplicantRow;
  carriedOver?: ApplicantRow;
  granted?: ApplicantRow;
  partiallyGranted?: ApplicantRow;
  denied?: Partial<
    Record<
      | 'stateSecret'
      | 'lawProhibited'
      | 'threeSecurities'
      | 'thirdParty'
      | 'internalAffairs'
      | 'processInformation'
      | 'enforcementFiles'
      | 'queryMatters',
      ApplicantRow
    >
  >;
  unavailable?: Partial<Record<'notHeld' | 'needsCreation' | 'unclearAfterCorrection', ApplicantRow>>;
  notProcessed?: Partial<
    Record<'petitionComplaint' | 'repeated' | 'publications' | 'massRepeated' | 'confirmation', ApplicantRow>
  >;
  /** 2019: one row. 2021: three sub-rows. Either shape may appear in either format (kept as found). */
  otherHandling?: ApplicantRow | Partial<Record<'noCorrection' | 'feeUnpaid' | 'other', ApplicantRow>>;
  total?: ApplicantRow;
  carriedForward?: ApplicantRow;
  extras?: ExtraRow[];
}

export interface Appeals {
  reconsideration?: AppealGroup;
  litigationDirect?: AppealGroup;
  litigationAfterReconsideration?: AppealGroup;
  extras?: ExtraRow[];
}

export interface Proactive2021 {
  regulations?: { issued?: Count; repealed?: Count; inForce?: Count };
  normativeDocuments?: { issued?: Count; repealed?: Count; inForce?: Count };
  licensing?: { decisions?: Count };
  penalties?: { decisions?: Count };
  coercion?: { decisions?: Count };
  fees?: { amount?: Money };
  extras?: ExtraRow[];
}

type Items2019 = { previous?: Count; change?: Count; decisions?: Count };
export interface Proactive2019 {
  regulations?: { made?: Count; published?: Count; totalPublished?: Count };
  normativeDocuments?: { made?: Count; published?: Count; totalPublished?: Count };
  licensing?: Items2019;
  otherServices?: Items2019;
  penalties?: Items2019;
  coercion?: Items2019;
  fees?: { previous?: Count; change?: Count };
  procurement?: { projects?: Count; amount?: Amount };
  extras?: ExtraRow[];
}

/**
 * Administrative tier of the publishing agency (used by RULE-MAKING):
 * `national-department` (国务院部门), `province`, `city` (设区的市), `county`, `township`,
 * `department` (a department of a local government).
 */
export type AgencyTier = 'national-department' | 'province' | 'city' | 'county' | 'township' | 'department';

export interface Agency {
  name: string;
  tier?: AgencyTier;
  [extra: string]: unknown;
}

export interface Sections {
  overview?: string | null;
  problems?: string | null;
  other?: string | null;
}

interface ReportBase<F extends Format> {
  schemaVersion: 1;
  format: F;
  year: number;
  agency?: Agency;
  title?: string;
  /** ISO date, YYYY-MM-DD. */
  publishedOn?: string;
  sections?: Sections;
  applications?: Applications;
  appeals?: Appeals;
  [extra: string]: unknown;
}

export interface Report2021 extends ReportBase<'2021'> {
  proactive?: Proactive2021;
}
export interface Report2019 extends ReportBase<'2019'> {
  proactive?: Proactive2019;
}
/** A report in the REPORT-JSON contract, discriminated by `format`. */
export type Report = Report2021 | Report2019;
