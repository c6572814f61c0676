import { describeBoardStoreContract } from '../../../tests/support/storageContracts/boardStoreContract.ts';
import { sqlitePlace } from '../../../tests/support/storageContracts/sqlitePlace.ts';
import { SqliteBoardStore } from './SqliteBoardStore.ts';

describeBoardStoreContract('SqliteBoardStore', () => sqlitePlace((file) => new SqliteBoardStore(file)));
// Under FULL every append and compaction goes through the writer thread, on a second connection.
describeBoardStoreContract('SqliteBoardStore (FULL, writer thread)', () =>
  sqlitePlace((file) => new SqliteBoardStore(file, { synchronous: 'FULL' })),
);
