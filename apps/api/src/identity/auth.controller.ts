import { Body, Controller, Get, HttpCode, Inject, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsIn } from 'class-validator';
import { QueryBus } from '@nestjs/cqrs';
import { SavedCaseFiltersQuery, StaffDirectory, type Principal } from '@app/access';
import { MailPreferenceQuery } from '@app/projections';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Allow, CurrentActor, EVERY_ROLE, Public, type Actor } from './actor';
import { DEMO_UNITS, DEMO_USERS } from './demo-users';
import { DEV_TOKEN_TTL_SECONDS, DevTokens } from './dev-tokens';
import { UnitNames } from './unit-names';
import { SignInRoute } from '../http/rate-limits';
import { Answers } from '../http/response-schemas';
import { InvalidRequestError } from '../http/request-errors';
import { SavedCaseFiltersDto } from './case-filters.dto';

/** Whether I want e-mail about what waits for me. */
export class MailPreferenceDto {
  @IsBoolean({ message: 'optOut must be true or false' })
  optOut!: boolean;
}

@ApiTags('sign-in')
@Controller('api/auth')
export class AuthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly staff: StaffDirectory,
    private readonly queries: QueryBus,
    private readonly units: UnitNames,
  ) {}

  @Get('config')
  @Answers('SignInConfig')
  @Public()
  @ApiOperation({ summary: 'How to sign in here: the OIDC issuer, or the development sign-in' })
  signInConfig() {
    const identity = this.config.identity;
    return identity.kind === 'oidc'
      ? {
          kind: identity.kind,
          issuer: identity.issuer,
          audience: identity.audience,
          clientId: identity.clientId ?? null,
          scopes: identity.scopes,
        }
      : { kind: identity.kind, users: '/api/auth/dev/users', signIn: '/api/auth/dev/sign-in' };
  }

  @Get('me')
  @Answers('Me')
  @Allow(...EVERY_ROLE)
  @ApiOperation({
    summary:
      'Who I am signed in as: id, name, my roles per unit, my e-mail address and whether I turned e-mail off',
  })
  async me(@CurrentActor() actor: Actor) {
    return {
      ...actor,
      memberships: actor.memberships.map((m) => ({ ...m, unitName: this.units.nameOf(m.unit) })),
      mailOptOut: await this.queries.execute(new MailPreferenceQuery(actor.id)),
    };
  }

  @Get('me/case-filters')
  @Answers('SavedCaseFilters')
  @Allow(...EVERY_ROLE)
  @ApiOperation({ summary: 'My saved filters of the case list, in the order I saved them' })
  async caseFilters(@CurrentActor() actor: Actor) {
    return { filters: await this.queries.execute(new SavedCaseFiltersQuery(actor.id)) };
  }

  @Put('me/case-filters')
  @Answers('SavedCaseFilters')
  @Allow(...EVERY_ROLE)
  @ApiOperation({
    summary:
      'Replace my saved case-list filters (at most 20; names unique; the filters only, never a search text)',
  })
  async saveCaseFilters(@CurrentActor() actor: Actor, @Body() body: SavedCaseFiltersDto) {
    const names = body.filters.map((f) => f.name.trim().toLocaleLowerCase('sv'));
    const twice = names.findIndex((name, i) => names.indexOf(name) !== i);
    if (twice >= 0) {
      throw new InvalidRequestError([
        {
          field: `filters.${twice}.name`,
          rule: 'unique',
          message: 'name must differ from the other saved filters',
        },
      ]);
    }
    const filters = body.filters.map((f) => ({
      name: f.name.trim(),
      filter: Object.fromEntries(Object.entries(f.filter).filter(([, value]) => value !== undefined)),
    }));
    await this.staff.saveCaseFilters(actor.id, filters);
    return { filters };
  }

  @Put('me/mail')
  @Answers('MailPreference')
  @Allow(...EVERY_ROLE)
  @ApiOperation({
    summary:
      'Turn e-mail about what waits for me off, or on again (it holds only the kind of thing and a link)',
  })
  async setMail(@CurrentActor() actor: Actor, @Body() body: MailPreferenceDto) {
    await this.staff.setMailPreference(actor.id, body.optOut);
    return { optOut: body.optOut };
  }
}

export class DevSignInDto {
  @IsIn(DEMO_USERS.map((user) => user.id), {
    message: `must be one of the demo users: ${DEMO_USERS.map((user) => user.id).join(', ')}`,
  })
  userId!: string;
}

/** Exists only when no identity provider is configured, which production refuses. */
@ApiTags('sign-in')
@Controller('api/auth/dev')
export class DevSignInController {
  constructor(private readonly tokens: DevTokens) {}

  @Get('users')
  @Answers('DemoUsers')
  @Public()
  @ApiOperation({ summary: 'Development sign-in: the demo users, every role in two units' })
  users() {
    return { units: DEMO_UNITS, users: DEMO_USERS };
  }

  @Post('sign-in')
  @Answers('AccessToken')
  @Public()
  @SignInRoute()
  @HttpCode(200)
  @ApiOperation({ summary: 'Development sign-in: a bearer token for a demo user (rate limited)' })
  signIn(@Body() body: DevSignInDto) {
    // The DTO admits only demo user ids, so the lookup always finds one.
    const user = DEMO_USERS.find((candidate) => candidate.id === body.userId) as Principal;
    return {
      accessToken: this.tokens.issue(user),
      tokenType: 'Bearer',
      expiresIn: DEV_TOKEN_TTL_SECONDS,
      user,
    };
  }
}
