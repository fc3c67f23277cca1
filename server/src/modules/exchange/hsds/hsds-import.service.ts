import { Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/actor.js';
import type { ImportReport } from '../import-report.js';

@Injectable()
export class HsdsImportService {
  async import(_actor: Actor | null, _content: string, dryRun: boolean): Promise<ImportReport> {
    return { dryRun, applied: false, records: 0, new: 0, changed: 0, unchanged: 0, problems: [] };
  }
}
