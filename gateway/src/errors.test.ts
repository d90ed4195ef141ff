import { GraphQLError } from 'graphql';
import { DataCategory } from '../../common/src/domain';
import { REDACTION_MESSAGES, redactionErrors } from './errors';

describe('redactionErrors', () => {
  const redactions = [
    { code: 'CONSENT_REQUIRED' as const, category: DataCategory.HEALTH_DETAILS, path: ['myChildren', 3, 'healthFollowUp', 'lastCheck'] },
    { code: 'NEED_TO_KNOW' as const, category: DataCategory.IDENTITY, path: ['child', 'lastName'] },
  ];

  it('are GraphQL errors in every way the response and the hub look at, as the constructor builds them', () => {
    const built = redactionErrors(redactions);
    redactions.forEach((redaction, index) => {
      const expected = new GraphQLError(REDACTION_MESSAGES[redaction.code], { path: redaction.path, extensions: { code: redaction.code, category: redaction.category } });
      const error = built[index];
      expect(error).toBeInstanceOf(GraphQLError);
      expect(error).toBeInstanceOf(Error);
      expect(error.toJSON()).toEqual(expected.toJSON());
      expect(JSON.stringify(error)).toEqual(JSON.stringify(expected));
      expect(Object.keys(error).sort()).toEqual(Object.keys(expected).sort());
      expect({ name: error.name, message: error.message, path: error.path, locations: error.locations, extensions: error.extensions, nodes: error.nodes, originalError: error.originalError }).toEqual({
        name: expected.name,
        message: expected.message,
        path: expected.path,
        locations: expected.locations,
        extensions: expected.extensions,
        nodes: expected.nodes,
        originalError: expected.originalError,
      });
      expect(String(error)).toEqual(String(expected));
    });
  });

  it('do not share their extensions', () => {
    const [first, second] = redactionErrors(redactions);
    expect(first.extensions).not.toBe(second.extensions);
  });
});
