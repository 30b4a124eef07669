/**
 * The least a command over HTTP costs in this stack: Nest on Express with
 * the global ValidationPipe, one POST route taking a step's JSON body and
 * answering at once. No guard, logging, rate limit, engine or store.
 */
import 'reflect-metadata';
import { Body, Controller, Module, Post, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { IsObject, IsString } from 'class-validator';

class StepBody {
  @IsString()
  event!: string;

  @IsObject()
  payload!: object;
}

@Controller('api')
class FloorController {
  @Post('step')
  step(@Body() body: StepBody) {
    return { event: body.event };
  }
}

@Module({ controllers: [FloorController] })
class FloorModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(FloorModule, { logger: false });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true }));
  await app.listen(Number(process.env.PORT), '127.0.0.1');
}

void main();
