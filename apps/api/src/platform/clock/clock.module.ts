import { Global, Module } from '@nestjs/common';
import { Clock } from './clock.js';

/** One clock for the whole api (see `Clock`). */
@Global()
@Module({ providers: [{ provide: Clock, useValue: new Clock() }], exports: [Clock] })
export class ClockModule {}
