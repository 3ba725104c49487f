/**
 * A few demo dossiers, built with the model's own reducer so they are exactly what a citizen's
 * device would have pushed: online submissions (status 1) at Đắk La from both citizens and one at
 * Đắk Mar, each with its hash-chained `v1.DossierSubmitted` event.
 */
import { sha256Hex } from '@motcua/crypto';
import {
  applyDossierAction,
  chainEvent,
  createDossierDraft,
  type Dossier,
  type DossierEvent,
  type Procedure,
} from '@motcua/model';
import { DEMO_AGENCY } from './agencies.ts';
import { DEMO_CITIZENS, type DemoCitizen } from './users.ts';

interface DemoCase {
  id: string;
  citizen: DemoCitizen;
  agencyId: string;
  nationalCode: string;
  hoursAgo: number;
}

const CASES: DemoCase[] = [
  { id: 'demo-hs-001', citizen: DEMO_CITIZENS[0]!, agencyId: DEMO_AGENCY.dakLa, nationalCode: '1.001193', hoursAgo: 26 },
  { id: 'demo-hs-002', citizen: DEMO_CITIZENS[1]!, agencyId: DEMO_AGENCY.dakLa, nationalCode: '1.004873', hoursAgo: 5 },
  { id: 'demo-hs-003', citizen: DEMO_CITIZENS[0]!, agencyId: DEMO_AGENCY.dakLa, nationalCode: '2.000635', hoursAgo: 2 },
  { id: 'demo-hs-004', citizen: DEMO_CITIZENS[1]!, agencyId: DEMO_AGENCY.dakMar, nationalCode: '1.000894', hoursAgo: 3 },
];

export async function demoDossiers(procedures: Procedure[], now: Date): Promise<{ dossiers: Dossier[]; events: DossierEvent[] }> {
  const dossiers: Dossier[] = [];
  const events: DossierEvent[] = [];
  const heads = new Map<string, DossierEvent>();
  for (const demo of CASES) {
    const procedure = procedures.find((p) => p.nationalCode === demo.nationalCode) ?? procedures[0];
    if (!procedure) break;
    const at = new Date(now.getTime() - demo.hoursAgo * 3_600_000);
    const userId = demo.citizen.id;
    const { cccd, fullName, birthDate, gender, phone, email, address } = demo.citizen;
    const draft = createDossierDraft({
      id: demo.id,
      procedure,
      applicant: { cccd, fullName, birthDate, gender, phone, email, address },
      ownerCccd: cccd,
      agencyId: demo.agencyId,
      now: at,
      userId,
    });
    const deviceId = `demo-device-${userId}`;
    const { dossier, event } = applyDossierAction(draft, { type: 'submit' }, {
      actor: { userId, name: fullName, role: 'citizen' },
      now: at,
      eventId: `${demo.id}-ev-1`,
      deviceId,
    });
    const chained = await chainEvent(event, heads.get(deviceId) ?? null, sha256Hex);
    heads.set(deviceId, chained);
    dossiers.push(dossier);
    events.push(chained);
  }
  return { dossiers, events };
}
