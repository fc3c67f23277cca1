import { Activity } from '../modules/activity/activity.entity.js';
import { Agreement } from '../modules/agreement/agreement.entity.js';
import { AuditEntry } from '../modules/audit/audit-entry.entity.js';
import { ContactAssignment } from '../modules/contact-assignment/contact-assignment.entity.js';
import { LoginAttempt } from '../modules/auth/login-attempt.entity.js';
import { Session } from '../modules/auth/session.entity.js';
import { User } from '../modules/auth/user.entity.js';
import { Community } from '../modules/community/community.entity.js';
import { Capability } from '../modules/capability/capability.entity.js';
import { Language } from '../modules/language/language.entity.js';
import { District } from '../modules/neighbourhood/district.entity.js';
import { Municipality } from '../modules/neighbourhood/municipality.entity.js';
import { Neighbourhood } from '../modules/neighbourhood/neighbourhood.entity.js';
import { Organisation } from '../modules/organisation/organisation.entity.js';
import { PersonLanguage } from '../modules/person/person-language.entity.js';
import { Person } from '../modules/person/person.entity.js';
import { CommunityLanguage, CommunityPresence, ReachSnapshotRecord } from '../modules/reach/community-presence.entity.js';
import { QuickScanAnswer, QuickScanRound } from '../modules/quickscan/quickscan.entity.js';
import { Referral } from '../modules/referral/referral.entity.js';
import { Team } from '../modules/team/team.entity.js';
import { ChangeProposal, SelfServiceAttempt, SelfServiceLink } from '../modules/self-service/self-service.entity.js';
import { HsdsDerivedId } from '../modules/exchange/hsds/hsds-derived-id.entity.js';

/** Every entity, in one list, so the app, the CLI scripts and the tests use the same set. */
export const entities = [
  Municipality,
  District,
  Neighbourhood,
  Language,
  Community,
  Capability,
  Organisation,
  Person,
  PersonLanguage,
  Team,
  AuditEntry,
  ContactAssignment,
  Agreement,
  Activity,
  User,
  Session,
  LoginAttempt,
  HsdsDerivedId,
  CommunityPresence,
  CommunityLanguage,
  ReachSnapshotRecord,
  QuickScanRound,
  QuickScanAnswer,
  SelfServiceLink,
  ChangeProposal,
  SelfServiceAttempt,
  Referral,
];
