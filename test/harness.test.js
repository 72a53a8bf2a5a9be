"use strict";
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
var __generator = (this && this.__generator) || function (thisArg, body) {
    var _ = { label: 0, sent: function() { if (t[0] & 1) throw t[1]; return t[1]; }, trys: [], ops: [] }, f, y, t, g = Object.create((typeof Iterator === "function" ? Iterator : Object).prototype);
    return g.next = verb(0), g["throw"] = verb(1), g["return"] = verb(2), typeof Symbol === "function" && (g[Symbol.iterator] = function() { return this; }), g;
    function verb(n) { return function (v) { return step([n, v]); }; }
    function step(op) {
        if (f) throw new TypeError("Generator is already executing.");
        while (g && (g = 0, op[0] && (_ = 0)), _) try {
            if (f = 1, y && (t = op[0] & 2 ? y["return"] : op[0] ? y["throw"] || ((t = y["return"]) && t.call(y), 0) : y.next) && !(t = t.call(y, op[1])).done) return t;
            if (y = 0, t) op = [op[0] & 2, t.value];
            switch (op[0]) {
                case 0: case 1: t = op; break;
                case 4: _.label++; return { value: op[1], done: false };
                case 5: _.label++; y = op[1]; op = [0]; continue;
                case 7: op = _.ops.pop(); _.trys.pop(); continue;
                default:
                    if (!(t = _.trys, t = t.length > 0 && t[t.length - 1]) && (op[0] === 6 || op[0] === 2)) { _ = 0; continue; }
                    if (op[0] === 3 && (!t || (op[1] > t[0] && op[1] < t[3]))) { _.label = op[1]; break; }
                    if (op[0] === 6 && _.label < t[1]) { _.label = t[1]; t = op; break; }
                    if (t && _.label < t[2]) { _.label = t[2]; _.ops.push(op); break; }
                    if (t[2]) _.ops.pop();
                    _.trys.pop(); continue;
            }
            op = body.call(thisArg, _);
        } catch (e) { op = [6, e]; y = 0; } finally { f = t = 0; }
        if (op[0] & 5) throw op[1]; return { value: op[0] ? op[1] : void 0, done: true };
    }
};
Object.defineProperty(exports, "__esModule", { value: true });
var promises_1 = require("node:fs/promises");
var node_fs_1 = require("node:fs");
var promises_2 = require("node:fs/promises");
var node_os_1 = require("node:os");
var node_path_1 = require("node:path");
var vitest_1 = require("vitest");
var index_ts_1 = require("./harness/index.ts");
// The harness itself: a broken bridge fails fast with its reason, pty pairs carry bytes both ways.
(0, vitest_1.describe)('spawnBridge', function () {
    (0, vitest_1.it)('fails with the bridge stderr when the site file is invalid', function () { return __awaiter(void 0, void 0, void 0, function () {
        var dir;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, (0, promises_2.mkdtemp)(node_path_1.default.join((0, node_os_1.tmpdir)(), 'bad-site-'))];
                case 1:
                    dir = _a.sent();
                    _a.label = 2;
                case 2:
                    _a.trys.push([2, , 5, 7]);
                    return [4 /*yield*/, (0, promises_2.writeFile)(node_path_1.default.join(dir, 'site.yaml'), 'id: 42\n')];
                case 3:
                    _a.sent();
                    return [4 /*yield*/, (0, vitest_1.expect)((0, index_ts_1.spawnBridge)({ env: { SITE_DIR: dir } })).rejects.toThrow(/exited with code 2[\s\S]*site\.yaml/)];
                case 4:
                    _a.sent();
                    return [3 /*break*/, 7];
                case 5: return [4 /*yield*/, (0, promises_2.rm)(dir, { recursive: true, force: true })];
                case 6:
                    _a.sent();
                    return [7 /*endfinally*/];
                case 7: return [2 /*return*/];
            }
        });
    }); });
});
(0, vitest_1.describe)('makePtyPair', function () {
    (0, vitest_1.it)('carries bytes from one end to the other and removes both links on dispose', function () { return __awaiter(void 0, void 0, void 0, function () {
        var pair, a, b, buf, bytesRead;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, (0, index_ts_1.makePtyPair)()];
                case 1:
                    pair = _a.sent();
                    return [4 /*yield*/, (0, promises_1.open)(pair.a, 'r+')];
                case 2:
                    a = _a.sent();
                    return [4 /*yield*/, (0, promises_1.open)(pair.b, 'r+')];
                case 3:
                    b = _a.sent();
                    _a.label = 4;
                case 4:
                    _a.trys.push([4, , 7, 11]);
                    return [4 /*yield*/, a.write(Buffer.from([0x01, 0x02, 0x00, 0xff]))];
                case 5:
                    _a.sent();
                    buf = Buffer.alloc(4);
                    return [4 /*yield*/, b.read(buf, 0, 4, null)];
                case 6:
                    bytesRead = (_a.sent()).bytesRead;
                    (0, vitest_1.expect)(buf.subarray(0, bytesRead)).toEqual(Buffer.from([0x01, 0x02, 0x00, 0xff]).subarray(0, bytesRead));
                    (0, vitest_1.expect)(bytesRead).toBeGreaterThan(0);
                    return [3 /*break*/, 11];
                case 7: return [4 /*yield*/, a.close()];
                case 8:
                    _a.sent();
                    return [4 /*yield*/, b.close()];
                case 9:
                    _a.sent();
                    return [4 /*yield*/, pair.dispose()];
                case 10:
                    _a.sent();
                    return [7 /*endfinally*/];
                case 11:
                    (0, vitest_1.expect)((0, node_fs_1.existsSync)(pair.a)).toBe(false);
                    (0, vitest_1.expect)((0, node_fs_1.existsSync)(pair.b)).toBe(false);
                    return [2 /*return*/];
            }
        });
    }); });
});
(0, vitest_1.describe)('artifactPath', function () {
    (0, vitest_1.it)('stays under test/artifacts', function () { return __awaiter(void 0, void 0, void 0, function () {
        var file;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    file = (0, index_ts_1.artifactPath)('harness/check.txt');
                    (0, vitest_1.expect)(file.startsWith(index_ts_1.ARTIFACTS_DIR)).toBe(true);
                    return [4 /*yield*/, (0, promises_2.writeFile)(file, 'ok')];
                case 1:
                    _a.sent();
                    return [4 /*yield*/, (0, vitest_1.expect)((0, promises_1.readFile)(file, 'utf8')).resolves.toBe('ok')];
                case 2:
                    _a.sent();
                    (0, vitest_1.expect)(function () { return (0, index_ts_1.artifactPath)('../escape.txt'); }).toThrow();
                    return [2 /*return*/];
            }
        });
    }); });
});
