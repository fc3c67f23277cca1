import { InitialSchema1764000000000 } from './1764000000000-InitialSchema.js';
import { AuditLog1764000100000 } from './1764000100000-AuditLog.js';
import { Registry1764000200000 } from './1764000200000-Registry.js';
import { Accounts1764000300000 } from './1764000300000-Accounts.js';
import { AuditEntityIdIndex1764000500000 } from './1764000500000-AuditEntityIdIndex.js';
import { DataVersion1764000600000 } from './1764000600000-DataVersion.js';
import { DirectoryChange1764001000000 } from './1764001000000-DirectoryChange.js';
import { LoginAttempts1764001100000 } from './1764001100000-LoginAttempts.js';
import { NormaliseText1764001200000 } from './1764001200000-NormaliseText.js';
import { Municipality1764001300000 } from './1764001300000-Municipality.js';
import { HsdsDerivedId1764001400000 } from './1764001400000-HsdsDerivedId.js';
import { Reach1764001500000 } from './1764001500000-Reach.js';
import { QuickScan1764001510000 } from './1764001510000-QuickScan.js';
import { OrganisationLocationSource1764001600000 } from './1764001600000-OrganisationLocationSource.js';
import { SelfService1764002200000 } from './1764002200000-SelfService.js';
import { ProfileDepth1764002400000 } from './1764002400000-ProfileDepth.js';
import { ReferralLog1764002500000 } from './1764002500000-ReferralLog.js';
import { ActivityRecurrence1764002510000 } from './1764002510000-ActivityRecurrence.js';
import { ReachChange1764002600000 } from './1764002600000-ReachChange.js';
import { PartnerMunicipality1764002610000 } from './1764002610000-PartnerMunicipality.js';
import { ChangeFeedTriggers1764002620000 } from './1764002620000-ChangeFeedTriggers.js';
import { PersonSupporter1764002800000 } from './1764002800000-PersonSupporter.js';

/** Migrations in the order they run. Never edit one that has landed; add a new one. */
export const migrations = [
  InitialSchema1764000000000,
  AuditLog1764000100000,
  Registry1764000200000,
  Accounts1764000300000,
  AuditEntityIdIndex1764000500000,
  DataVersion1764000600000,
  DirectoryChange1764001000000,
  LoginAttempts1764001100000,
  NormaliseText1764001200000,
  Municipality1764001300000,
  HsdsDerivedId1764001400000,
  Reach1764001500000,
  QuickScan1764001510000,
  OrganisationLocationSource1764001600000,
  SelfService1764002200000,
  ProfileDepth1764002400000,
  ReferralLog1764002500000,
  ActivityRecurrence1764002510000,
  ReachChange1764002600000,
  PartnerMunicipality1764002610000,
  ChangeFeedTriggers1764002620000,
  PersonSupporter1764002800000,
];
