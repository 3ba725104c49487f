import { describe, expect, it } from 'vitest';
import { DossierEventType } from '@motcua/model';
import { eventName } from './eventNames.ts';

describe('eventName', () => {
  it('names every event of the model in Vietnamese, never by its raw type', () => {
    for (const type of Object.values(DossierEventType)) expect(eventName(type), type).not.toMatch(/^v\d+\./);
    expect(eventName(DossierEventType.IdentityChecked)).toBe('Kiểm tra thông tin công dân');
  });

  it('shows the raw type of an event from a newer version', () => {
    expect(eventName('v2.SomethingNew')).toBe('v2.SomethingNew');
  });
});
