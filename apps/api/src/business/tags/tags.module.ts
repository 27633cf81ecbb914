import { Module } from '@nestjs/common';
import { ChangeCustomerTagsController } from './change-customer-tags/change-customer-tags.controller.js';
import { ChangeCustomerTagsHandler } from './change-customer-tags/change-customer-tags.command.js';
import { CreateTagController } from './create-tag/create-tag.controller.js';
import { CreateTagHandler } from './create-tag/create-tag.command.js';
import { DeleteTagController } from './delete-tag/delete-tag.controller.js';
import { DeleteTagHandler } from './delete-tag/delete-tag.command.js';
import { ListTagsController } from './list-tags/list-tags.controller.js';
import { ListTagsHandler } from './list-tags/list-tags.query.js';

/** Routes of the tags use cases (each use case in a folder of its own); admin-agent only. */
@Module({
  controllers: [
    CreateTagController,
    ListTagsController,
    DeleteTagController,
    ChangeCustomerTagsController,
  ],
  providers: [CreateTagHandler, DeleteTagHandler, ChangeCustomerTagsHandler, ListTagsHandler],
})
export class TagsModule {}
