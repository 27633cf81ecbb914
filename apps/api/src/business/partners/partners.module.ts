import { Module } from '@nestjs/common';
import { GetMyPartnerController } from './get-my-partner/get-my-partner.controller.js';
import { GetMyPartnerHandler } from './get-my-partner/get-my-partner.query.js';
import { RegisterPartnerController } from './register-partner/register-partner.controller.js';
import { RegisterPartnerHandler } from './register-partner/register-partner.command.js';

@Module({
  controllers: [RegisterPartnerController, GetMyPartnerController],
  providers: [RegisterPartnerHandler, GetMyPartnerHandler],
})
export class PartnersModule {}
