import { findUnstorableVariable } from './unstorable-input';

describe('findUnstorableVariable', () => {
  it.each([
    ['a NUL', { input: { description: 'avant\u0000après' } }, 'input.description'],
    ['a lone high surrogate', { input: { grantedBy: 'Mme \ud800 Martin' } }, 'input.grantedBy'],
    ['a lone low surrogate, in a list', { input: { childIds: ['child-lea', 'x\udfffy'] } }, 'input.childIds[1]'],
    ['a surrogate cut off at the end', { note: 'fin\ud83d' }, 'note'],
    ['a lone surrogate in a key', { input: { ['k\udc00']: 'v' } }, 'input'],
  ])('names the variable holding %s', (_label, variables, path) => {
    expect(findUnstorableVariable(variables)).toBe(path);
  });

  it.each([
    ['accents and combining marks', { input: { description: 'Enfant laissé seul, n\u0301' } }],
    ['a pair (an emoji)', { input: { description: 'Sourire 😀 \ud83d\ude00' } }],
    ['numbers, booleans and nulls', { input: { capacity: 3, urgent: true, note: null } }],
  ])('lets %s through', (_label, variables) => {
    expect(findUnstorableVariable(variables)).toBeNull();
  });
});
