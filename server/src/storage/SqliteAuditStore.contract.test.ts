import { describeAuditStoreContract } from '../../../tests/support/storageContracts/auditStoreContract.ts';
import { sqlitePlace } from '../../../tests/support/storageContracts/sqlitePlace.ts';
import { SqliteAuditStore } from './SqliteAuditStore.ts';

describeAuditStoreContract('SqliteAuditStore', () => sqlitePlace((file) => new SqliteAuditStore(file)));
