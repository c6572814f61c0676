import { describeHistoryStoreContract } from '../../../tests/support/storageContracts/historyStoreContract.ts';
import { sqlitePlace } from '../../../tests/support/storageContracts/sqlitePlace.ts';
import { SqliteHistoryStore } from './SqliteHistoryStore.ts';

describeHistoryStoreContract('SqliteHistoryStore', () => sqlitePlace((file) => new SqliteHistoryStore(file)));
