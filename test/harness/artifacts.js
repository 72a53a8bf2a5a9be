"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ARTIFACTS_DIR = void 0;
exports.artifactPath = artifactPath;
var node_fs_1 = require("node:fs");
var node_path_1 = require("node:path");
var paths_ts_1 = require("./paths.ts");
/** test/artifacts/ (ignored by git): screenshots, logs and recordings a test leaves for a human to look at. */
exports.ARTIFACTS_DIR = node_path_1.default.join(paths_ts_1.REPO_ROOT, 'test/artifacts');
/** Absolute path of an artifact, creating its folder. `name` may contain sub-folders. */
function artifactPath(name) {
    var file = node_path_1.default.resolve(exports.ARTIFACTS_DIR, name);
    if (!file.startsWith(exports.ARTIFACTS_DIR + node_path_1.default.sep))
        throw new Error("artifact name escapes ".concat(exports.ARTIFACTS_DIR, ": ").concat(name));
    (0, node_fs_1.mkdirSync)(node_path_1.default.dirname(file), { recursive: true });
    return file;
}
