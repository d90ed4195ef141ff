import DataLoader from 'dataloader';

/**
 * A loader that answers from another loader's result: the open dossier and the open
 * evaluations are picked from the lists already loaded per child, so asking for them costs
 * no SQL statement of its own.
 */
export function deriveLoader<V, W>(source: DataLoader<string, V>, pick: (value: V) => W): DataLoader<string, W> {
  return new DataLoader(async (keys) => {
    const values = await source.loadMany(keys);
    return values.map((value) => (value instanceof Error ? value : pick(value)));
  });
}
