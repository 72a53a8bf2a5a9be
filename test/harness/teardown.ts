/**
 * What a test file must undo, registered as each thing comes up: `afterAll(() => down.run())` then stops
 * them newest first, each even when another failed or `beforeAll` stopped half way (no process left behind).
 */
export class Teardown {
  private readonly steps: (() => unknown)[] = [];

  /** Registers `undo` for `resource` and hands the resource back. */
  add<T>(resource: T, undo: (resource: T) => unknown): T {
    this.steps.push(() => undo(resource));
    return resource;
  }

  async run(): Promise<void> {
    const errors: unknown[] = [];
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step();
      } catch (e) {
        errors.push(e);
      }
    }
    if (errors.length > 0) throw new AggregateError(errors, `${errors.length} teardown step(s) failed`);
  }
}

/** SIGKILL to each detached child's whole process group (a launcher and what it exec'd or spawned). */
export function killGroups(children: readonly { pid?: number | undefined }[]): void {
  for (const c of children) {
    try {
      if (c.pid) process.kill(-c.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
}
