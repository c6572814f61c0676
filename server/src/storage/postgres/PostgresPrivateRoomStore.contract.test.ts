import { postgresPlace } from '../../../../tests/support/storageContracts/postgresPlace.ts';
import { describePrivateRoomStoreContract } from '../../../../tests/support/storageContracts/privateRoomStoreContract.ts';
import { PostgresPrivateRoomStore } from './PostgresPrivateRoomStore.ts';

describePrivateRoomStoreContract('PostgresPrivateRoomStore', () =>
  postgresPlace((url) => PostgresPrivateRoomStore.open(url, { poolSize: 4 })),
);
