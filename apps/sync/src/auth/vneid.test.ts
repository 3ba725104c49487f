import { describe, expect, it } from 'vitest';
import { createVneidProvider } from './vneid.ts';

describe('createVneidProvider (stub)', () => {
  const provider = createVneidProvider({
    issuer: 'https://id.example.vn', clientId: 'motcua', clientSecret: 's', redirectUri: 'https://motcua.example.vn/api/auth/oidc/vneid/callback', scope: 'openid profile',
  });

  it('builds the authorization URL with state and nonce', () => {
    const url = new URL(provider.authorizationUrl('st', 'no'));
    expect(url.origin + url.pathname).toBe('https://id.example.vn/authorize');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ response_type: 'code', client_id: 'motcua', state: 'st', nonce: 'no' });
  });

  it('signs no one in until it is connected', async () => {
    await expect(provider.verify('any', 'no')).rejects.toMatchObject({ status: 501, code: 'provider_not_configured' });
  });
});
