"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The layouts this build knows, in one place. Each layout file registers itself when imported here.
 * Order matters only for speed: layouts that recognise their own marks come before guessing ones.
 */
require("./template");
require("./familiar");
