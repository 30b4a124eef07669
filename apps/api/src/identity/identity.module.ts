import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { CLOCK, type Clock } from '@app/common';
import type { AppConfig } from '../config/app-config';
import { AuthController, DevSignInController } from './auth.controller';
import { DevTokens } from './dev-tokens';
import { OidcTokenVerifier } from './oidc-token-verifier';
import { TokenVerifier } from './token-verifier';

/** Where identity comes from: an OIDC provider's tokens, or (development only) the built-in sign-in. */
@Module({})
export class IdentityModule {
  static forConfig(config: AppConfig): DynamicModule {
    const identity = config.identity;
    const providers: Provider[] =
      identity.kind === 'oidc'
        ? [{ provide: TokenVerifier, useValue: new OidcTokenVerifier(identity) }]
        : [
            {
              provide: DevTokens,
              inject: [CLOCK],
              useFactory: (clock: Clock) => new DevTokens(config.dataDir, clock),
            },
            { provide: TokenVerifier, useExisting: DevTokens },
          ];
    return {
      module: IdentityModule,
      controllers: identity.kind === 'oidc' ? [AuthController] : [AuthController, DevSignInController],
      providers,
      exports: [TokenVerifier, ...(identity.kind === 'oidc' ? [] : [DevTokens])],
    };
  }
}
