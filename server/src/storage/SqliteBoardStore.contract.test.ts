import { describeBoardStoreContract } from '../../../tests/support/storageContracts/boardStoreContract.ts';
import { sqlitePlace } from '../../../tests/support/storageContracts/sqlitePlace.ts';
import { SqliteBoardStore } from './SqliteBoardStore.ts';

describeBoardStoreContract('SqliteBoardStore', () => sqlitePlace((file) => new SqliteBoardStore(file)));
// Under FULL appends and compactions commit unsynced and are made durable by a WAL fsync.
describeBoardStoreContract('SqliteBoardStore (FULL)', () =>
  sqlitePlace((file) => new SqliteBoardStore(file, { synchronous: 'FULL' })),
);
