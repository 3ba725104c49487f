/**
 * VNeID (the national electronic identity) as an `IdentityProvider`: a documented stub.
 *
 * @remarks VNeID's OpenID Connect service is available to agencies that sign an integration
 * agreement with the Ministry of Public Security, which issues the client id, secret and endpoints.
 * Until then this module only builds the authorization URL; `verify` refuses every code, so no
 * one can sign in through it. Completing it means: POST the code to the token endpoint (client
 * authentication with the secret), verify the ID token against the issuer's JWKS (`iss`, `aud`,
 * `exp`, `nonce`), and map its claims to `VerifiedIdentity` (the CCCD claim becomes the username).
 * No route mounts it yet: see `identity-provider.ts` for where it plugs in.
 * @module
 */
import { HttpError } from '../errors.ts';
import type { IdentityProvider, OidcClientConfig } from './identity-provider.ts';

export function createVneidProvider(config: OidcClientConfig): IdentityProvider {
  return {
    name: 'vneid',
    authorizationUrl(state, nonce) {
      const url = new URL('/authorize', config.issuer);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: config.clientId,
        redirect_uri: config.redirectUri,
        scope: config.scope,
        state,
        nonce,
      }).toString();
      return url.toString();
    },
    async verify() {
      throw new HttpError(501, 'provider_not_configured', 'Đăng nhập bằng VNeID chưa được kết nối');
    },
  };
}
