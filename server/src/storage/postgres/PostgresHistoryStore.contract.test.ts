import { describeHistoryStoreContract } from '../../../../tests/support/storageContracts/historyStoreContract.ts';
import { postgresPlace } from '../../../../tests/support/storageContracts/postgresPlace.ts';
import { PostgresHistoryStore } from './PostgresHistoryStore.ts';

describeHistoryStoreContract('PostgresHistoryStore', () =>
  postgresPlace((url) => PostgresHistoryStore.open(url, { poolSize: 4 })),
);
