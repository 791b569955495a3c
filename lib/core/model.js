"use strict";
/**
 * The criteria set as authored (YAML/JSON/Excel sheet): data, not code. Published as a JSON Schema in
 * criteria-set.schema.json; see the glossary for the Vietnamese names.
 */
Object.defineProperty(exports, "__esModule", { value: true });
