import { intArg, parseArgs } from './args.js';

describe('intArg', () => {
  const read = (...argv: string[]) => intArg(parseArgs(argv), 'rounds', 3, 1, 20);

  it('reads the value given, or the fallback when the option is absent', () => {
    expect(read('--rounds', '5')).toBe(5);
    expect(read()).toBe(3);
  });

  it.each([
    ['no value', ['--rounds']],
    ['no value before the next option', ['--rounds', '--quick']],
    ['a fraction', ['--rounds', '1.5']],
    ['a word', ['--rounds', 'five']],
    ['below the range', ['--rounds', '0']],
    ['above the range', ['--rounds', '21']],
  ])('refuses %s', (_label, argv) => {
    expect(() => read(...argv)).toThrow('--rounds must be an integer from 1 to 20');
  });
});
