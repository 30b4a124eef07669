import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { EventStoreModule } from './event-store/event-store.module';
import { HealthModule } from './health/health.module';
import { RequestLoggerMiddleware } from './logging/request-logger.middleware';

@Module({})
export class AppModule implements NestModule {
  /** The config is loaded (and validated) before Nest starts, so a bad value never half-boots the app. */
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [HealthModule, EventStoreModule],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestLoggerMiddleware).forRoutes('*path');
  }
}
