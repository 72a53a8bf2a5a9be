"use strict";
var __extends = (this && this.__extends) || (function () {
    var extendStatics = function (d, b) {
        extendStatics = Object.setPrototypeOf ||
            ({ __proto__: [] } instanceof Array && function (d, b) { d.__proto__ = b; }) ||
            function (d, b) { for (var p in b) if (Object.prototype.hasOwnProperty.call(b, p)) d[p] = b[p]; };
        return extendStatics(d, b);
    };
    return function (d, b) {
        if (typeof b !== "function" && b !== null)
            throw new TypeError("Class extends value " + String(b) + " is not a constructor or null");
        extendStatics(d, b);
        function __() { this.constructor = d; }
        d.prototype = b === null ? Object.create(b) : (__.prototype = b.prototype, new __());
    };
})();
var __assign = (this && this.__assign) || function () {
    __assign = Object.assign || function(t) {
        for (var s, i = 1, n = arguments.length; i < n; i++) {
            s = arguments[i];
            for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p))
                t[p] = s[p];
        }
        return t;
    };
    return __assign.apply(this, arguments);
};
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
var __spreadArray = (this && this.__spreadArray) || function (to, from, pack) {
    if (pack || arguments.length === 2) for (var i = 0, l = from.length, ar; i < l; i++) {
        if (ar || !(i in from)) {
            if (!ar) ar = Array.prototype.slice.call(from, 0, i);
            ar[i] = from[i];
        }
    }
    return to.concat(ar || Array.prototype.slice.call(from));
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.BridgeStartError = void 0;
exports.spawnBridge = spawnBridge;
var node_child_process_1 = require("node:child_process");
var promises_1 = require("node:fs/promises");
var node_os_1 = require("node:os");
var node_path_1 = require("node:path");
var node_readline_1 = require("node:readline");
var paths_ts_1 = require("./paths.ts");
var BridgeStartError = /** @class */ (function (_super) {
    __extends(BridgeStartError, _super);
    function BridgeStartError() {
        var _this = _super !== null && _super.apply(this, arguments) || this;
        _this.code = 'BRIDGE_START_FAILED';
        return _this;
    }
    return BridgeStartError;
}(Error));
exports.BridgeStartError = BridgeStartError;
/**
 * Starts the real bridge process (`npx tsx apps/robot-bridge/src/main.ts`) on a free port with its own
 * temporary DATA_DIR and resolves once it logs "bridge listening". The bridge runs in its own process group
 * so `stop()` also ends whatever it spawned. Fails with the bridge's stderr if it exits before it is ready.
 */
function spawnBridge() {
    return __awaiter(this, arguments, void 0, function (opts) {
        var dataDir, child, pid, lines, raw, stderr, exited, killGroup, stopping, stop, ready, timeoutMs, timer, timeout, _a, url, port, e_1;
        var _this = this;
        var _b;
        if (opts === void 0) { opts = {}; }
        return __generator(this, function (_c) {
            switch (_c.label) {
                case 0: return [4 /*yield*/, (0, promises_1.mkdtemp)(node_path_1.default.join((0, node_os_1.tmpdir)(), 'bridge-data-'))];
                case 1:
                    dataDir = _c.sent();
                    child = (0, node_child_process_1.spawn)('npx', ['--no-install', 'tsx', 'apps/robot-bridge/src/main.ts'], {
                        cwd: paths_ts_1.REPO_ROOT,
                        detached: true,
                        stdio: ['ignore', 'pipe', 'pipe'],
                        env: __assign(__assign(__assign(__assign({}, process.env), { LOG_LEVEL: 'info' }), opts.env), { BRIDGE_PORT: '0', BRIDGE_HOST: '127.0.0.1', DATA_DIR: dataDir }),
                    });
                    pid = child.pid;
                    if (pid === undefined)
                        throw new BridgeStartError('could not spawn npx tsx');
                    lines = [];
                    raw = [];
                    stderr = '';
                    child.stderr.on('data', function (d) { return (stderr += d.toString()); });
                    exited = new Promise(function (resolve) { return child.once('exit', function (code) { return resolve(code); }); });
                    killGroup = function (signal) {
                        try {
                            process.kill(-pid, signal);
                        }
                        catch (_a) {
                            // already gone
                        }
                    };
                    stop = function (graceMs) {
                        if (graceMs === void 0) { graceMs = 5000; }
                        return (stopping !== null && stopping !== void 0 ? stopping : (stopping = (function () { return __awaiter(_this, void 0, void 0, function () {
                            var timer_1;
                            return __generator(this, function (_a) {
                                switch (_a.label) {
                                    case 0:
                                        if (!(child.exitCode === null && child.signalCode === null)) return [3 /*break*/, 2];
                                        killGroup('SIGTERM');
                                        timer_1 = setTimeout(function () { return killGroup('SIGKILL'); }, graceMs);
                                        return [4 /*yield*/, exited];
                                    case 1:
                                        _a.sent();
                                        clearTimeout(timer_1);
                                        _a.label = 2;
                                    case 2:
                                        // Whatever the bridge started (simulators, socat) may outlive it: end the group for good.
                                        killGroup('SIGKILL');
                                        if (!!opts.keepDataDir) return [3 /*break*/, 4];
                                        return [4 /*yield*/, (0, promises_1.rm)(dataDir, { recursive: true, force: true })];
                                    case 3:
                                        _a.sent();
                                        _a.label = 4;
                                    case 4: return [2 /*return*/, child.exitCode];
                                }
                            });
                        }); })()));
                    };
                    ready = new Promise(function (resolve, reject) {
                        var rl = (0, node_readline_1.createInterface)({ input: child.stdout });
                        rl.on('line', function (line) {
                            raw.push(line);
                            var entry;
                            try {
                                entry = JSON.parse(line);
                            }
                            catch (_a) {
                                return;
                            }
                            lines.push(entry);
                            if (entry.msg === 'bridge listening' && typeof entry.url === 'string' && typeof entry.port === 'number') {
                                resolve({ url: entry.url, port: entry.port });
                            }
                        });
                        void exited.then(function (code) {
                            var tail = raw.slice(-20).join('\n');
                            reject(new BridgeStartError("bridge exited with code ".concat(code, " before it was ready\n--- stderr ---\n").concat(stderr.trim(), "\n--- stdout (last lines) ---\n").concat(tail)));
                        });
                    });
                    timeoutMs = (_b = opts.startTimeoutMs) !== null && _b !== void 0 ? _b : 30000;
                    timeout = new Promise(function (_, reject) {
                        timer = setTimeout(function () { return reject(new BridgeStartError("bridge not listening after ".concat(timeoutMs, " ms\n").concat(stderr.trim()))); }, timeoutMs);
                    });
                    _c.label = 2;
                case 2:
                    _c.trys.push([2, 4, 6, 7]);
                    return [4 /*yield*/, Promise.race([ready, timeout])];
                case 3:
                    _a = _c.sent(), url = _a.url, port = _a.port;
                    return [2 /*return*/, { url: url, port: port, pid: pid, dataDir: dataDir, logs: function () { return __spreadArray([], lines, true); }, stop: stop }];
                case 4:
                    e_1 = _c.sent();
                    return [4 /*yield*/, stop(1000)];
                case 5:
                    _c.sent();
                    throw e_1;
                case 6:
                    clearTimeout(timer);
                    return [7 /*endfinally*/];
                case 7: return [2 /*return*/];
            }
        });
    });
}
