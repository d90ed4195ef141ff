import { currentDossier, currentPlacement } from './current';

const TODAY = '2026-11-23';

describe('currentDossier', () => {
  it.each<[string, Array<{ id: string; closedOn: string | null }>, string | null]>([
    ['none', [], null],
    ['the open one, even if older', [{ id: 'new', closedOn: '2026-01-01' }, { id: 'open', closedOn: null }], 'open'],
    ['else the latest (first)', [{ id: 'new', closedOn: '2026-01-01' }, { id: 'old', closedOn: '2020-01-01' }], 'new'],
  ])('%s', (_label, dossiers, expected) => {
    expect(currentDossier(dossiers)?.id ?? null).toBe(expected);
  });
});

type P = { id: string; since: string; until: string | null };

describe('currentPlacement', () => {
  it.each<[string, P[], string | null]>([
    ['none', [], null],
    ['open-ended', [{ id: 'a', since: '2024-02-19', until: null }], 'a'],
    ['ends today', [{ id: 'a', since: '2024-02-19', until: TODAY }], 'a'],
    ['ended yesterday', [{ id: 'a', since: '2024-02-19', until: '2026-11-22' }], null],
    // The brief's rule is "until null or >= today"; a placement starting tomorrow is not yet the child's home.
    ['starts tomorrow', [{ id: 'a', since: '2026-11-24', until: null }], null],
    ['the latest of two current', [{ id: 'old', since: '2024-01-01', until: null }, { id: 'new', since: '2025-01-01', until: null }], 'new'],
  ])('%s', (_label, placements, expected) => {
    expect(currentPlacement(placements, TODAY)?.id ?? null).toBe(expected);
  });

  // A placement lives under its measure: the measure's end ends it, whatever its own `until`.
  const placement = { id: 'a', since: '2024-02-19', until: null, measureId: 'm' };
  it.each<[string, string | null, string | null]>([
    ['its measure open-ended', null, 'a'],
    ['its measure ending today', TODAY, 'a'],
    ['its measure ending later', '2027-06-30', 'a'],
    ['its measure ended yesterday', '2026-11-22', null],
  ])('%s', (_label, endDate, expected) => {
    expect(currentPlacement([placement], TODAY, [{ id: 'm', endDate }])?.id ?? null).toBe(expected);
  });
});
