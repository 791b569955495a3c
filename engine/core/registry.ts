/**
 * A named plugin registry (criterion kinds, tie-breakers, award rules): the one shape every extension
 * point of the kernel uses, in the spirit of esbuild's and unified's plugin lists.
 */
export interface Registry<T extends { name: string }> {
  register(plugin: T): void;
  get(name: string): T | undefined;
  names(): string[];
}

export function createRegistry<T extends { name: string }>(initial: readonly T[] = []): Registry<T> {
  const plugins = new Map<string, T>();
  const registry: Registry<T> = {
    register: (p) => void plugins.set(p.name, p),
    get: (name) => plugins.get(name),
    names: () => [...plugins.keys()],
  };
  initial.forEach(registry.register);
  return registry;
}
