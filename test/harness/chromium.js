"use strict";
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
exports.CHROMIUM_FLAGS = exports.CHROMIUM_PATH = void 0;
exports.launchChromium = launchChromium;
var promises_1 = require("node:fs/promises");
var node_os_1 = require("node:os");
var node_path_1 = require("node:path");
var playwright_core_1 = require("playwright-core");
exports.CHROMIUM_PATH = '/usr/bin/chromium';
/** Flags for a quiet, reproducible headless Chromium that never reaches the internet on its own. */
exports.CHROMIUM_FLAGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
];
/** Debian's Chromium through playwright-core, with a fresh user-data-dir each time. */
function launchChromium() {
    return __awaiter(this, arguments, void 0, function (opts) {
        var userDataDir, args, context, e_1, closing;
        var _this = this;
        var _a, _b;
        if (opts === void 0) { opts = {}; }
        return __generator(this, function (_c) {
            switch (_c.label) {
                case 0: return [4 /*yield*/, (0, promises_1.mkdtemp)(node_path_1.default.join((0, node_os_1.tmpdir)(), 'chromium-profile-'))];
                case 1:
                    userDataDir = _c.sent();
                    args = __spreadArray([], exports.CHROMIUM_FLAGS, true);
                    if (opts.fakeAudioFile) {
                        args.push('--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', "--use-file-for-fake-audio-capture=".concat(opts.fakeAudioFile));
                    }
                    args.push.apply(args, ((_a = opts.args) !== null && _a !== void 0 ? _a : []));
                    _c.label = 2;
                case 2:
                    _c.trys.push([2, 4, , 6]);
                    return [4 /*yield*/, playwright_core_1.chromium.launchPersistentContext(userDataDir, __assign({ executablePath: exports.CHROMIUM_PATH, headless: true, args: args, viewport: (_b = opts.viewport) !== null && _b !== void 0 ? _b : { width: 1280, height: 900 } }, (opts.fakeAudioFile ? { permissions: ['microphone'] } : {})))];
                case 3:
                    context = _c.sent();
                    return [3 /*break*/, 6];
                case 4:
                    e_1 = _c.sent();
                    return [4 /*yield*/, (0, promises_1.rm)(userDataDir, { recursive: true, force: true })];
                case 5:
                    _c.sent();
                    throw e_1;
                case 6: return [2 /*return*/, {
                        context: context,
                        newPage: function () { return context.newPage(); },
                        close: function () {
                            return (closing !== null && closing !== void 0 ? closing : (closing = (function () { return __awaiter(_this, void 0, void 0, function () {
                                return __generator(this, function (_a) {
                                    switch (_a.label) {
                                        case 0: return [4 /*yield*/, context.close()];
                                        case 1:
                                            _a.sent();
                                            return [4 /*yield*/, (0, promises_1.rm)(userDataDir, { recursive: true, force: true })];
                                        case 2:
                                            _a.sent();
                                            return [2 /*return*/];
                                    }
                                });
                            }); })()));
                        },
                    }];
            }
        });
    });
}
