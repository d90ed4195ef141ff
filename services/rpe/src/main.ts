import { runSubgraphMain } from '../../../common/src/subgraph/run-main.js';
import { rpeSubgraph } from './service.js';

runSubgraphMain(rpeSubgraph);
