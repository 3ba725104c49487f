/**
 * Where an external identity provider (OpenID Connect, e.g. the national e-ID VNeID) plugs in
 * beside passwords.
 *
 * @remarks A provider only answers "who is this person": it turns the authorization code of a
 * completed OIDC flow into a verified identity (the CCCD of a citizen, from the ID token's claims).
 * Everything after that is shared with password sign-in: the account is found by username (the
 * CCCD), and the session issuance of `sessions.ts` makes the same access and rotating
 * refresh tokens, device binding, audit and revocation. Mounting a provider adds two routes and
 * changes nothing else:
 *
 * ```
 * GET  /api/auth/oidc/:provider/start     → 302 to provider.authorizationUrl(state, nonce)
 * POST /api/auth/oidc/:provider/callback  { code, state } → provider.verify(...) → same grant as /login
 * ```
 *
 * `state` and `nonce` are random, kept server-side for a few minutes and checked once; the ID
 * token's signature (the provider's JWKS), `iss`, `aud`, `exp` and `nonce` are verified by the
 * provider module before it returns an identity. See `vneid.ts` for the documented stub.
 * @module
 */

/** A person as an identity provider vouches for them. */
export interface VerifiedIdentity {
  /** The provider's name, e.g. `vneid`. */
  provider: string;
  /** The provider's stable subject id (`sub`). */
  subject: string;
  /** The 12-digit CCCD number, which is the citizen's username here. */
  cccd: string;
  fullName: string;
  birthDate: string | null;
}

export interface IdentityProvider {
  readonly name: string;
  /** The provider's authorization endpoint with our client id, redirect URI, scope, state and nonce. */
  authorizationUrl(state: string, nonce: string): string;
  /** Exchanges the authorization code and verifies the ID token; throws when anything does not check. */
  verify(code: string, nonce: string): Promise<VerifiedIdentity>;
}

/** The configuration an OIDC provider needs (from the environment, at the edge). */
export interface OidcClientConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scope: string;
}
