import { runSubgraphMain } from '../../../common/src/subgraph/run-main.js';
import { justiceSubgraph } from './service.js';

runSubgraphMain(justiceSubgraph);
