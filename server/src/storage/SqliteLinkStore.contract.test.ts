import { describeLinkStoreContract } from '../../../tests/support/storageContracts/linkStoreContract.ts';
import { sqlitePlace } from '../../../tests/support/storageContracts/sqlitePlace.ts';
import { SqliteLinkStore } from './SqliteLinkStore.ts';

describeLinkStoreContract('SqliteLinkStore', () => sqlitePlace((file) => new SqliteLinkStore(file)));
