"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
var vitest_config_1 = require("@reception/vitest-config");
var config_1 = require("vitest/config");
// Cross-process tests start real bridges and browsers: one file at a time on a small shared machine.
exports.default = (0, config_1.mergeConfig)((0, vitest_config_1.vitestConfig)('e2e', { include: ['**/*.test.ts'], testTimeout: 60000 }), {
    test: { fileParallelism: false, hookTimeout: 60000 },
});
