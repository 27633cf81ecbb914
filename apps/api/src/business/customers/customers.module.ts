import { Module } from '@nestjs/common';
import { AddCustomerController } from './add-customer/add-customer.controller.js';
import { AddCustomerHandler } from './add-customer/add-customer.command.js';
import { ExportCustomersController } from './export-customers/export-customers.controller.js';
import { ExportCustomersService } from './export-customers/export-customers.service.js';
import { RecordCustomersExportHandler } from './export-customers/record-customers-export.command.js';
import { ListCustomersController } from './list-customers/list-customers.controller.js';
import { ListCustomersHandler } from './list-customers/list-customers.query.js';
import { GetCustomerController } from './get-customer/get-customer.controller.js';
import { GetCustomerHandler } from './get-customer/get-customer.query.js';
import { UpdateBillingProfileController } from './update-billing-profile/update-billing-profile.controller.js';
import { UpdateBillingProfileHandler } from './update-billing-profile/update-billing-profile.command.js';
import { ErasePersonalDataController } from './erase-personal-data/erase-personal-data.controller.js';
import { ErasePersonalDataHandler } from './erase-personal-data/erase-personal-data.command.js';
import { PersonalDataErasureProcess } from './erase-personal-data/personal-data-erasure.process.js';

@Module({
  controllers: [
    AddCustomerController,
    ListCustomersController,
    ExportCustomersController,
    GetCustomerController,
    UpdateBillingProfileController,
    ErasePersonalDataController,
  ],
  providers: [
    AddCustomerHandler,
    UpdateBillingProfileHandler,
    RecordCustomersExportHandler,
    ListCustomersHandler,
    ExportCustomersService,
    GetCustomerHandler,
    ErasePersonalDataHandler,
    PersonalDataErasureProcess,
  ],
})
export class CustomersModule {}
