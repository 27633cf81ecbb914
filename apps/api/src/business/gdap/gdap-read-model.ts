import { Injectable } from '@nestjs/common';
import { GdapRelationshipNotFound } from '@customer-workspace/gdap';
import {
  GDAP_RELATIONSHIPS,
  gdapRelationshipOf,
  type GdapRelationshipItem,
} from '@customer-workspace/read-models';
import type Database from 'better-sqlite3';
import { Clock } from '../../platform/clock/clock.js';
import { ReadModelsService } from '../../platform/read-models/read-models.service.js';

/** The GDAP read model once it has reached `minPosition`, read at the clock's instant. */
@Injectable()
export class GdapReadModel {
  constructor(
    private readonly readModels: ReadModelsService,
    private readonly clock: Clock,
  ) {}

  async reader(minPosition: bigint | undefined): Promise<{ db: Database.Database; now: string }> {
    const runner = await this.readModels.caughtUp(GDAP_RELATIONSHIPS, minPosition);
    return { db: runner.reader(), now: this.clock.now().toISOString() };
  }

  /** The caller's relationship; another partner's, or none, is not found (404). */
  async relationship(
    partnerId: string,
    relationshipId: string,
    minPosition: bigint | undefined,
  ): Promise<{ db: Database.Database; item: GdapRelationshipItem }> {
    const { db, now } = await this.reader(minPosition);
    const item = gdapRelationshipOf(db, partnerId, relationshipId, now);
    if (item === undefined) throw new GdapRelationshipNotFound(relationshipId);
    return { db, item };
  }
}
