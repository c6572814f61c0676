import { describeLinkStoreContract } from '../../../../tests/support/storageContracts/linkStoreContract.ts';
import { postgresPlace } from '../../../../tests/support/storageContracts/postgresPlace.ts';
import { PostgresLinkStore } from './PostgresLinkStore.ts';

describeLinkStoreContract('PostgresLinkStore', () => postgresPlace((url) => PostgresLinkStore.open(url, { poolSize: 4 })));
