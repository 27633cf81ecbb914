import { ApiProperty } from '@nestjs/swagger';

/** A tag of the caller's catalog. */
export class TagView {
  @ApiProperty({ example: 'b1946ac9-2b3c-4c55-9a1e-0f5f4e0e6a11' }) readonly id!: string;
  @ApiProperty({ example: 'VIP', maxLength: 50 }) readonly name!: string;
}

/** `POST /v1/tags` answer: the new tag and the position of its event. */
export class CreatedTagView extends TagView {
  @ApiProperty({ description: 'Global position of the TagCreated event', example: '42' })
  readonly position!: string;
}

/** `GET /v1/tags` answer: the whole catalog, sorted by name ignoring case and accents. */
export class TagListView {
  @ApiProperty({ type: [TagView] }) readonly items!: TagView[];
  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'Always null: the catalog comes in one page',
  })
  readonly nextCursor!: string | null;
  @ApiProperty({ example: 3 }) readonly total!: number;
}

/** Primary strength: `Ómega` and `omega` compare equal, so they sort together. */
const caseAndAccentBlind = new Intl.Collator('en', { sensitivity: 'base' });
const exact = new Intl.Collator('en', { sensitivity: 'variant' });

/** Orders tags by name ignoring case and accents; ties keep a stable, exact order. */
export function byName(a: TagView, b: TagView): number {
  return (
    caseAndAccentBlind.compare(a.name, b.name) ||
    exact.compare(a.name, b.name) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
