import { describeBoardStoreContract } from '../../../../tests/support/storageContracts/boardStoreContract.ts';
import { postgresPlace } from '../../../../tests/support/storageContracts/postgresPlace.ts';
import { PostgresBoardStore } from './PostgresBoardStore.ts';

describeBoardStoreContract('PostgresBoardStore', () => postgresPlace((url) => PostgresBoardStore.open(url, { poolSize: 4 })));
