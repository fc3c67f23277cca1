import { InitialSchema1764000000000 } from './1764000000000-InitialSchema.js';
import { AuditLog1764000100000 } from './1764000100000-AuditLog.js';
import { Registry1764000200000 } from './1764000200000-Registry.js';
import { Accounts1764000300000 } from './1764000300000-Accounts.js';
import { AuditEntityIdIndex1764000500000 } from './1764000500000-AuditEntityIdIndex.js';
import { DataVersion1764000600000 } from './1764000600000-DataVersion.js';
import { OrganisationLocationSource1764001600000 } from './1764001600000-OrganisationLocationSource.js';

/** Migrations in the order they run. Never edit one that has landed; add a new one. */
export const migrations = [InitialSchema1764000000000, AuditLog1764000100000, Registry1764000200000, Accounts1764000300000, AuditEntityIdIndex1764000500000, DataVersion1764000600000, OrganisationLocationSource1764001600000];
