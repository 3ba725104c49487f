/**
 * A person as the national population registry (CSDL quốc gia về dân cư) records them: what the
 * identity check at the desk answers and fills the reception form from.
 */
export interface PopulationPerson {
  cccd: string;
  /** The old 9-digit CMND, if any. */
  oldIdNumber: string | null;
  fullName: string;
  birthDate: string;
  gender: 'nam' | 'nu';
  /** Nơi thường trú. */
  permanentAddress: string;
  /** Nơi ở hiện tại. */
  currentAddress: string;
  ethnicity: string;
  nationality: string;
  /** Ngày cấp of the current card, YYYY-MM-DD. */
  issueDate: string | null;
}
