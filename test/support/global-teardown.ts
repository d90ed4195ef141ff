import { rmSync } from 'node:fs';
import type { EmbeddedPostgresHandle } from '../../common/src/db/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>).__CP_PG__ as { handle: EmbeddedPostgresHandle; dataDir: string } | undefined;
  if (!state) return;
  await state.handle.stop();
  rmSync(state.dataDir, { recursive: true, force: true });
}
