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
var node_fs_1 = require("node:fs");
var node_path_1 = require("node:path");
var vitest_1 = require("vitest");
var index_ts_1 = require("./harness/index.ts");
// The real bridge process over HTTP: health, and the kiosk build served with its security headers.
var bridge;
(0, vitest_1.beforeAll)(function () { return __awaiter(void 0, void 0, void 0, function () {
    return __generator(this, function (_a) {
        switch (_a.label) {
            case 0: return [4 /*yield*/, (0, index_ts_1.spawnBridge)()];
            case 1:
                bridge = _a.sent();
                return [2 /*return*/];
        }
    });
}); }, 60000);
(0, vitest_1.afterAll)(function () { return __awaiter(void 0, void 0, void 0, function () {
    return __generator(this, function (_a) {
        switch (_a.label) {
            case 0: return [4 /*yield*/, (bridge === null || bridge === void 0 ? void 0 : bridge.stop())];
            case 1:
                _a.sent();
                return [2 /*return*/];
        }
    });
}); });
(0, vitest_1.describe)('bridge HTTP', function () {
    (0, vitest_1.it)('answers /healthz with status ok', function () { return __awaiter(void 0, void 0, void 0, function () {
        var res, body;
        var _a;
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0: return [4 /*yield*/, fetch("".concat(bridge.url, "/healthz"))];
                case 1:
                    res = _b.sent();
                    (0, vitest_1.expect)(res.status).toBe(200);
                    return [4 /*yield*/, res.json()];
                case 2:
                    body = (_b.sent());
                    (0, vitest_1.expect)(body.status).toBe('ok');
                    (0, vitest_1.expect)((_a = body.checks.find(function (c) { return c.name === 'site'; })) === null || _a === void 0 ? void 0 : _a.ok).toBe(true);
                    return [2 /*return*/];
            }
        });
    }); });
    (0, vitest_1.it)('serves the kiosk app at /kiosk/ with a Content-Security-Policy, and its assets', function () { return __awaiter(void 0, void 0, void 0, function () {
        var res, csp, html, script, js, _a, _b;
        var _c, _d;
        return __generator(this, function (_e) {
            switch (_e.label) {
                case 0:
                    if (!(0, node_fs_1.existsSync)(node_path_1.default.join(index_ts_1.KIOSK_DIST, 'index.html'))) {
                        throw new Error("".concat(index_ts_1.KIOSK_DIST, " is missing: run `npm run -w @reception/kiosk build` first"));
                    }
                    return [4 /*yield*/, fetch("".concat(bridge.url, "/kiosk/"))];
                case 1:
                    res = _e.sent();
                    (0, vitest_1.expect)(res.status).toBe(200);
                    (0, vitest_1.expect)(res.headers.get('content-type')).toMatch(/^text\/html/);
                    csp = (_c = res.headers.get('content-security-policy')) !== null && _c !== void 0 ? _c : '';
                    (0, vitest_1.expect)(csp).toContain("default-src 'self'");
                    (0, vitest_1.expect)(csp).toContain("object-src 'none'");
                    (0, vitest_1.expect)(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
                    return [4 /*yield*/, res.text()];
                case 2:
                    html = _e.sent();
                    (0, vitest_1.expect)(html).toContain('<div id="root">');
                    script = (_d = /<script[^>]+src="(\/kiosk\/assets\/[^"]+\.js)"/.exec(html)) === null || _d === void 0 ? void 0 : _d[1];
                    (0, vitest_1.expect)(script).toBeDefined();
                    return [4 /*yield*/, fetch("".concat(bridge.url).concat(script))];
                case 3:
                    js = _e.sent();
                    (0, vitest_1.expect)(js.status).toBe(200);
                    (0, vitest_1.expect)(js.headers.get('content-type')).toMatch(/javascript/);
                    // Client-side routes fall back to the app shell; missing assets are real 404s.
                    _a = vitest_1.expect;
                    return [4 /*yield*/, fetch("".concat(bridge.url, "/kiosk/procedures/birth"))];
                case 4:
                    // Client-side routes fall back to the app shell; missing assets are real 404s.
                    _a.apply(void 0, [(_e.sent()).status]).toBe(200);
                    _b = vitest_1.expect;
                    return [4 /*yield*/, fetch("".concat(bridge.url, "/kiosk/assets/missing.js"))];
                case 5:
                    _b.apply(void 0, [(_e.sent()).status]).toBe(404);
                    return [2 /*return*/];
            }
        });
    }); });
});
