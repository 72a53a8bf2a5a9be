"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KIOSK_DIST = exports.REPO_ROOT = void 0;
var node_path_1 = require("node:path");
var node_url_1 = require("node:url");
/** Root of the monorepo (test/harness/../..). */
exports.REPO_ROOT = node_path_1.default.resolve(node_path_1.default.dirname((0, node_url_1.fileURLToPath)(import.meta.url)), '../..');
exports.KIOSK_DIST = node_path_1.default.join(exports.REPO_ROOT, 'apps/kiosk/dist');
