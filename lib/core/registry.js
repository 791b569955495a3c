"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createRegistry = createRegistry;
function createRegistry(initial = []) {
    const plugins = new Map();
    const registry = {
        register: (p) => void plugins.set(p.name, p),
        get: (name) => plugins.get(name),
        names: () => [...plugins.keys()],
    };
    initial.forEach(registry.register);
    return registry;
}
