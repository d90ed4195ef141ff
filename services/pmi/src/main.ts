import { runSubgraphMain } from '../../../common/src/subgraph/run-main.js';
import { pmiSubgraph } from './service.js';

runSubgraphMain(pmiSubgraph);
