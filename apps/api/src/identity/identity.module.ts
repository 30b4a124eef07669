import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { CLOCK, type Clock } from '@app/common';
import { STAFF_SEED, StaffDirectory } from '@app/access';
import { DEMO_USERS } from './demo-users';
import { StaffController } from './staff.controller';
import type { AppConfig } from '../config/app-config';
import { AuthController, DevSignInController } from './auth.controller';
import { DevTokens } from './dev-tokens';
import { OidcTokenVerifier } from './oidc-token-verifier';
import { TokenVerifier } from './token-verifier';
import { UnitNames } from './unit-names';

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
            // The development users can be chosen before they have signed in once.
            { provide: STAFF_SEED, useValue: DEMO_USERS },
          ];
    return {
      module: IdentityModule,
      controllers: [
        AuthController,
        StaffController,
        ...(identity.kind === 'oidc' ? [] : [DevSignInController]),
      ],
      providers: [...providers, StaffDirectory, { provide: UnitNames, useValue: new UnitNames(config) }],
      exports: [TokenVerifier, StaffDirectory, UnitNames, ...(identity.kind === 'oidc' ? [] : [DevTokens])],
    };
  }
}
