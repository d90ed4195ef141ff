import { runSubgraphMain } from '../../../common/src/subgraph/run-main.js';
import { aseSubgraph } from './service.js';

runSubgraphMain(aseSubgraph);
