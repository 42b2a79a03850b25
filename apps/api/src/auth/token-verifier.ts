import { Inject, Injectable } from '@nestjs/common';
import jwt, { type JwtHeader, type SigningKeyCallback } from 'jsonwebtoken';
import { JwksClient } from 'jwks-rsa';

import { API_CONFIG, type ApiConfig } from '../api.config';

/** Verifies bearer tokens: HS256 with the local secret, or RS256/ES256 keys from an identity provider's JWKS. */
@Injectable()
export class TokenVerifier {
  private readonly jwks?: JwksClient;

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {
    if (config.AUTH_JWKS_URL)
      this.jwks = new JwksClient({ jwksUri: config.AUTH_JWKS_URL, cache: true, rateLimit: true });
  }

  /** Returns the verified claims, or throws the verification error. A token without `exp` is rejected. */
  verify(token: string): Promise<jwt.JwtPayload> {
    const options: jwt.VerifyOptions = {
      algorithms: this.jwks ? ['RS256', 'ES256'] : ['HS256'],
      ...(this.config.AUTH_ISSUER ? { issuer: this.config.AUTH_ISSUER } : {}),
      ...(this.config.AUTH_AUDIENCE ? { audience: this.config.AUTH_AUDIENCE } : {}),
    };
    const key = this.jwks ? this.signingKey.bind(this) : this.config.AUTH_JWT_SECRET;
    return new Promise((resolve, reject) => {
      jwt.verify(token, key, options, (error, payload) => {
        if (error) reject(error);
        else if (!payload || typeof payload === 'string') reject(new Error('the token has no JSON claims'));
        else if (typeof (payload as jwt.JwtPayload).exp !== 'number')
          reject(new Error('the token has no exp claim, and tokens must expire'));
        else resolve(payload);
      });
    });
  }

  private signingKey(header: JwtHeader, callback: SigningKeyCallback): void {
    this.jwks
      ?.getSigningKey(header.kid)
      .then((key) => callback(null, key.getPublicKey()))
      .catch((error: Error) => callback(error));
  }
}
