import type { SignatureReport } from '@motcua/crypto/pdf';
import { describe, expect, it } from 'vitest';
import { describeSigner, summarizeSignatures } from './signatureLabels.ts';

const report = (overrides: Partial<SignatureReport>): SignatureReport => ({
  valid: true,
  problem: null,
  reason: null,
  signerName: 'Phạm Thị Hoa',
  agency: 'UBND xã Đắk La',
  signedAt: new Date('2026-11-24T07:05:00Z'),
  method: 'local',
  coversWholeDocument: true,
  subFilter: 'ETSI.CAdES.detached',
  issuerName: 'Motcua CA tỉnh Kon Tum',
  ...overrides,
});

describe('summarizeSignatures', () => {
  it('says "Chưa ký số" for a file without signatures', () => {
    expect(summarizeSignatures([])).toEqual({ kind: 'unsigned', title: 'Chưa ký số' });
  });

  it('names the latest signer and time when every signature holds', () => {
    const summary = summarizeSignatures([report({ coversWholeDocument: false }), report({ signerName: 'Y Blong' })]);
    expect(summary).toEqual({ kind: 'valid', title: 'Chữ ký hợp lệ', detail: 'Y Blong (UBND xã Đắk La), 24/11/2026 14:05' });
  });

  it('gives the reason of the first invalid signature', () => {
    const summary = summarizeSignatures([report({}), report({ valid: false, problem: 'modified', reason: 'Tài liệu đã bị sửa sau khi ký' })]);
    expect(summary).toMatchObject({ kind: 'invalid', title: 'Chữ ký không hợp lệ' });
    expect(summary.kind === 'invalid' && summary.detail).toContain('Tài liệu đã bị sửa sau khi ký');
  });

  it('copes with a signature whose certificate could not be read', () => {
    expect(describeSigner(report({ signerName: null, agency: null, signedAt: null }))).toBe('Không rõ người ký');
  });
});
