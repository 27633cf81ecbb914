import { ApiProperty } from '@nestjs/swagger';
import { GdapRelationshipView } from '../gdap-relationship.view.js';

export class GdapRelationshipPageView {
  @ApiProperty({ type: [GdapRelationshipView] }) readonly items!: GdapRelationshipView[];
  @ApiProperty({ nullable: true, type: String, example: null }) readonly nextCursor!: string | null;
  @ApiProperty({ example: 1 }) readonly total!: number;
}
