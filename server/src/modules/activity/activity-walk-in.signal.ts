import { Injectable } from '@nestjs/common';
import type { WalkInHit, WalkInSignal } from '../matching/walk-in-signal.js';
import { ActivityService } from './activity.service.js';

/** The matcher's walk-in input, from the activities: one statement for the partners shown. */
@Injectable()
export class ActivityWalkInSignal implements WalkInSignal {
  constructor(private readonly activities: ActivityService) {}

  async nextWalkInFor(partnerIds: string[], languageCodes: string[], from: string): Promise<Map<string, WalkInHit>> {
    const found = await this.activities.nextWalkInFor(partnerIds, languageCodes, from);
    return new Map(
      [...found].map(([id, { activity, occurrence, languageCode }]) => [
        id,
        {
          activityName: activity.name,
          venueName: activity.venueName,
          date: occurrence.date,
          startTime: activity.startTime,
          endTime: activity.endTime,
          languageCode,
        },
      ]),
    );
  }
}
