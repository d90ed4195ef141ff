// How to reach an ASE or CRIP agent: the shared mapping of every institution's agent record.
export { toAgentContact } from '../../../common/src/db/agent-record.js';
