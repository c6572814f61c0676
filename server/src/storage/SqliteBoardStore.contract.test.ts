import { describeBoardStoreContract } from '../../../tests/support/storageContracts/boardStoreContract.ts';
import { sqlitePlace } from '../../../tests/support/storageContracts/sqlitePlace.ts';
import { SqliteBoardStore } from './SqliteBoardStore.ts';

describeBoardStoreContract('SqliteBoardStore', () => sqlitePlace((file) => new SqliteBoardStore(file)));
