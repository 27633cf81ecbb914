import { Module } from '@nestjs/common';
import { AddCustomerController } from './add-customer/add-customer.controller.js';
import { AddCustomerHandler } from './add-customer/add-customer.command.js';
import { GetCustomerController } from './get-customer/get-customer.controller.js';
import { UpdateBillingProfileController } from './update-billing-profile/update-billing-profile.controller.js';
import { UpdateBillingProfileHandler } from './update-billing-profile/update-billing-profile.command.js';

@Module({
  controllers: [AddCustomerController, GetCustomerController, UpdateBillingProfileController],
  providers: [AddCustomerHandler, UpdateBillingProfileHandler],
})
export class CustomersModule {}
