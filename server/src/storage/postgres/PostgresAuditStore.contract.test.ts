import { describeAuditStoreContract } from '../../../../tests/support/storageContracts/auditStoreContract.ts';
import { postgresPlace } from '../../../../tests/support/storageContracts/postgresPlace.ts';
import { PostgresAuditStore } from './PostgresAuditStore.ts';

describeAuditStoreContract('PostgresAuditStore', () => postgresPlace((url) => PostgresAuditStore.open(url, { poolSize: 4 })));
