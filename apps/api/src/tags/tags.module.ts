import { Module } from '@nestjs/common';
import { AssignCustomerTagController } from './assign-customer-tag/assign-customer-tag.controller.js';
import { AssignCustomerTagHandler } from './assign-customer-tag/assign-customer-tag.command.js';
import { CreateTagController } from './create-tag/create-tag.controller.js';
import { CreateTagHandler } from './create-tag/create-tag.command.js';
import { DeleteTagController } from './delete-tag/delete-tag.controller.js';
import { DeleteTagHandler } from './delete-tag/delete-tag.command.js';
import { ListTagsController } from './list-tags/list-tags.controller.js';
import { ListTagsHandler } from './list-tags/list-tags.query.js';
import { UnassignCustomerTagController } from './unassign-customer-tag/unassign-customer-tag.controller.js';
import { UnassignCustomerTagHandler } from './unassign-customer-tag/unassign-customer-tag.command.js';

/** Routes of the tags use cases (each use case in a folder of its own); admin-agent only. */
@Module({
  controllers: [
    CreateTagController,
    ListTagsController,
    DeleteTagController,
    AssignCustomerTagController,
    UnassignCustomerTagController,
  ],
  providers: [
    CreateTagHandler,
    DeleteTagHandler,
    AssignCustomerTagHandler,
    UnassignCustomerTagHandler,
    ListTagsHandler,
  ],
})
export class TagsModule {}
