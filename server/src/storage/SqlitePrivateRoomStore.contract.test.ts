import { describePrivateRoomStoreContract } from '../../../tests/support/storageContracts/privateRoomStoreContract.ts';
import { sqlitePlace } from '../../../tests/support/storageContracts/sqlitePlace.ts';
import { SqlitePrivateRoomStore } from './SqlitePrivateRoomStore.ts';

describePrivateRoomStoreContract('SqlitePrivateRoomStore', () => sqlitePlace((file) => new SqlitePrivateRoomStore(file)));
