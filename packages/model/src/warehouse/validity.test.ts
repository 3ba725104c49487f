import { describe, expect, it } from 'vitest';
import type { WarehouseDocument } from '../schemas/warehouse.schema.ts';
import { buildWarehouseDocument, checkWarehouseForm, proposeWarehouseForm, resultDocTypeCode, WarehouseInputError } from './build.ts';
import { documentsForComponent, findValidResult, isStillValid, rescanRefusal, validityText } from './validity.ts';

function doc(over: Partial<WarehouseDocument>): WarehouseDocument {
  return {
    id: 'w1', ownerCccd: '062099000123', docTypeCode: 'giay-khai-sinh', name: 'Giấy khai sinh', issuedAt: '2020-01-02',
    issuer: 'UBND xã Đắk La', number: '12/2020', validUntil: null, permanent: true, validScope: 'Toàn quốc', kind: 'result',
    fileId: 'f1', sourceDossierId: 'd1', procedureId: 'p1', agencyId: 'a1', digitizedBy: 'Phạm Thị Hoa',
    digitizedAt: '2026-01-01T00:00:00.000Z', updatedAt: 0, ...over,
  };
}

// 2026-06-30 23:30 in Vietnam is 16:30 UTC.
const lateOnJune30 = new Date('2026-06-30T16:30:00Z');

describe('validity', () => {
  it('keeps a document valid through the last day in Vietnam time', () => {
    expect(isStillValid(doc({ permanent: false, validUntil: '2026-06-30' }), lateOnJune30)).toBe(true);
    expect(isStillValid(doc({ permanent: false, validUntil: '2026-06-29' }), lateOnJune30)).toBe(false);
    expect(isStillValid(doc({ permanent: true, validUntil: '2000-01-01' }), lateOnJune30)).toBe(true);
  });

  it('describes validity in Vietnamese', () => {
    expect(validityText(doc({}), lateOnJune30)).toBe('Vĩnh viễn');
    expect(validityText(doc({ permanent: false, validUntil: '2026-06-29' }), lateOnJune30)).toBe('Hết hiệu lực (từ sau 29/06/2026)');
    expect(validityText(doc({ permanent: false, validUntil: '2030-12-31' }), lateOnJune30)).toBe('Còn hiệu lực đến 31/12/2030');
  });
});

describe('rescan refusal', () => {
  const types = ['giay-khai-sinh', 'ban-sao-giay-khai-sinh'];

  it('refuses to rescan when a still-valid result of an accepted type is stored', () => {
    const reason = rescanRefusal([doc({})], types, lateOnJune30);
    expect(reason).toMatch(/^Không được số hóa lại: kết quả "Giấy khai sinh" số 12\/2020 còn hiệu lực/);
  });

  it('allows scanning when the result expired, is a scanned component, or is of another type', () => {
    expect(rescanRefusal([doc({ permanent: false, validUntil: '2025-01-01' })], types, lateOnJune30)).toBeNull();
    expect(rescanRefusal([doc({ kind: 'component' })], types, lateOnJune30)).toBeNull();
    expect(rescanRefusal([doc({ docTypeCode: 'cccd' })], types, lateOnJune30)).toBeNull();
    expect(findValidResult([], types, lateOnJune30)).toBeNull();
  });

  it('lists the documents a component accepts, valid ones first', () => {
    const expired = doc({ id: 'old', permanent: false, validUntil: '2025-01-01', digitizedAt: '2026-05-01T00:00:00Z' });
    const list = documentsForComponent([expired, doc({ id: 'ok' }), doc({ id: 'x', docTypeCode: 'cccd' })], types, lateOnJune30);
    expect(list.map((d) => d.id)).toEqual(['ok', 'old']);
  });
});

describe('warehouse form', () => {
  const form = proposeWarehouseForm({
    dossier: { ownerCccd: '062099000123' },
    component: { name: 'Bản sao Giấy khai sinh' },
    template: { id: 'ban-sao-giay-khai-sinh', documentTypes: ['giay-khai-sinh'] },
    issuer: 'UBND xã Đắk La',
  });

  it('proposes the system fields from the dossier and the procedure', () => {
    expect(form).toMatchObject({ docTypeCode: 'giay-khai-sinh', ownerCccd: '062099000123', name: 'Bản sao Giấy khai sinh', permanent: true });
  });

  it('asks for the number and a validity date unless permanent', () => {
    expect(() => checkWarehouseForm(form)).toThrow(WarehouseInputError);
    expect(() => checkWarehouseForm({ ...form, number: '1', permanent: false, validUntil: '' })).toThrow(/thời hạn hiệu lực/);
    expect(() => checkWarehouseForm({ ...form, number: '1', issuedAt: '2026-02-30' })).toThrow(/Ngày cấp/);
  });

  it('builds the document with its source and digitizer', () => {
    const now = new Date('2026-03-01T02:00:00Z');
    const built = buildWarehouseDocument({ ...form, number: '05/2026', permanent: false, validUntil: '2031-03-01' }, {
      id: 'w9', kind: 'component', fileId: 'f9', dossier: { id: 'd9', procedureId: 'p9' }, agencyId: 'a1', digitizedBy: 'Phạm Thị Hoa', now,
    });
    expect(built).toMatchObject({ id: 'w9', validUntil: '2031-03-01', permanent: false, sourceDossierId: 'd9', digitizedAt: now.toISOString() });
  });
});

describe('result document type', () => {
  it('derives the code other procedures accept from the result name', () => {
    expect(resultDocTypeCode('Giấy khai sinh (bản chính)')).toBe('giay-khai-sinh');
    expect(resultDocTypeCode('Trích lục khai tử')).toBe('trich-luc-khai-tu');
  });
});
