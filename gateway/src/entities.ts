import { InitHubDirectory1732300001000 } from '../migrations/1732300001000-init-hub-directory.js';
import { HubRuntimeRoleConsentNotifications1732300002000 } from '../migrations/1732300002000-hub-runtime-role-consent-notifications.js';
import { AuditLog1732300003000 } from '../migrations/1732300003000-audit-log.js';
import { AuditEntry } from './audit/audit-entry.entity.js';
import { Consent } from './consent/consent.entity.js';
import { ChildIdentity } from './directory/child-identity.entity.js';
import { AccessNotification } from './notifications/access-notification.entity.js';

/** The hub database's entities and migrations, in order. */
export const HUB_ENTITIES = [ChildIdentity, Consent, AccessNotification, AuditEntry];
export const HUB_MIGRATIONS = [InitHubDirectory1732300001000, HubRuntimeRoleConsentNotifications1732300002000, AuditLog1732300003000];
