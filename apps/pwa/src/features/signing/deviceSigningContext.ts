/**
 * The app's device keystore and current person, shared by the signing entry points.
 */
import { session } from '../../lib/session.ts';
import { openDeviceKeystore, type DeviceKeystore } from './deviceKeystore.ts';
import { notEnrolled } from './signingError.ts';

let keystore: DeviceKeystore | undefined;

/** The keystore of this browser profile, opened once. */
export function deviceKeystore(): DeviceKeystore {
  keystore ??= openDeviceKeystore();
  return keystore;
}

/** The signed-in person's id; signing without one is like signing without a certificate. */
export function currentUserId(): string {
  const id = session()?.user.id;
  if (!id) throw notEnrolled();
  return id;
}

export const CA_URL = '/api/pki/ca.pem';
