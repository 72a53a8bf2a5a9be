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
var node_fs_1 = require("node:fs");
var node_path_1 = require("node:path");
var socket_io_client_1 = require("socket.io-client");
var vitest_1 = require("vitest");
var index_ts_1 = require("./harness/index.ts");
// The kiosk renderer served by the real bridge, in Debian's Chromium: language picker, procedure list from
// the site file, Urdu right to left with a mirrored layout, idle reset, connection banner.
var bridge;
var browser;
var site;
function fetchCatalogue(url) {
    return __awaiter(this, void 0, void 0, function () {
        var socket, result;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    socket = (0, socket_io_client_1.io)("".concat(url, "/kiosk"), {
                        auth: { token: 'demo-kiosk' },
                        transports: ['websocket'],
                    });
                    _a.label = 1;
                case 1:
                    _a.trys.push([1, , 3, 4]);
                    return [4 /*yield*/, socket.timeout(10000).emitWithAck('site:get', {})];
                case 2:
                    result = _a.sent();
                    if (!result.ok)
                        throw new Error("site:get failed: ".concat(result.error.code, " ").concat(result.error.message));
                    return [2 /*return*/, result.value];
                case 3:
                    socket.disconnect();
                    return [7 /*endfinally*/];
                case 4: return [2 /*return*/];
            }
        });
    });
}
function openKiosk() {
    return __awaiter(this, arguments, void 0, function (query) {
        var page;
        if (query === void 0) { query = ''; }
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, browser.newPage()];
                case 1:
                    page = _a.sent();
                    return [4 /*yield*/, page.goto("".concat(bridge.url, "/kiosk/").concat(query))];
                case 2:
                    _a.sent();
                    return [4 /*yield*/, page.locator('.language-button').first().waitFor()];
                case 3:
                    _a.sent();
                    return [2 /*return*/, page];
            }
        });
    });
}
/** Families of the web fonts the page actually loaded (not merely declared). */
function loadedFonts(page) {
    return __awaiter(this, void 0, void 0, function () {
        var _this = this;
        return __generator(this, function (_a) {
            return [2 /*return*/, page.evaluate(function () { return __awaiter(_this, void 0, void 0, function () {
                    return __generator(this, function (_a) {
                        switch (_a.label) {
                            case 0: return [4 /*yield*/, document.fonts.ready];
                            case 1:
                                _a.sent();
                                return [2 /*return*/, __spreadArray([], document.fonts, true).filter(function (f) { return f.status === 'loaded'; }).map(function (f) { return f.family.replace(/"/g, ''); })];
                        }
                    });
                }); })];
        });
    });
}
function listBoxes(page) {
    return __awaiter(this, void 0, void 0, function () {
        var items, first, second, list;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    items = page.locator('.procedure-list > li');
                    return [4 /*yield*/, items.nth(0).boundingBox()];
                case 1:
                    first = _a.sent();
                    return [4 /*yield*/, items.nth(1).boundingBox()];
                case 2:
                    second = _a.sent();
                    return [4 /*yield*/, page.locator('.procedure-list').boundingBox()];
                case 3:
                    list = _a.sent();
                    if (!first || !second || !list)
                        throw new Error('procedure list is not laid out');
                    return [2 /*return*/, { first: first, second: second, list: list }];
            }
        });
    });
}
(0, vitest_1.beforeAll)(function () { return __awaiter(void 0, void 0, void 0, function () {
    return __generator(this, function (_a) {
        switch (_a.label) {
            case 0:
                if (!(0, node_fs_1.existsSync)(node_path_1.default.join(index_ts_1.KIOSK_DIST, 'index.html'))) {
                    throw new Error("".concat(index_ts_1.KIOSK_DIST, " is missing: build the kiosk first (`npm run -w @reception/kiosk build`; `npm test` does it via turbo)"));
                }
                return [4 /*yield*/, (0, index_ts_1.spawnBridge)()];
            case 1:
                bridge = _a.sent();
                return [4 /*yield*/, fetchCatalogue(bridge.url)];
            case 2:
                site = _a.sent();
                return [4 /*yield*/, (0, index_ts_1.launchChromium)()];
            case 3:
                browser = _a.sent();
                return [2 /*return*/];
        }
    });
}); }, 60000);
(0, vitest_1.afterAll)(function () { return __awaiter(void 0, void 0, void 0, function () {
    return __generator(this, function (_a) {
        switch (_a.label) {
            case 0: return [4 /*yield*/, (browser === null || browser === void 0 ? void 0 : browser.close())];
            case 1:
                _a.sent();
                return [4 /*yield*/, (bridge === null || bridge === void 0 ? void 0 : bridge.stop())];
            case 2:
                _a.sent();
                return [2 /*return*/];
        }
    });
}); });
(0, vitest_1.describe)('kiosk in the browser', function () {
    (0, vitest_1.it)('starts in Vietnamese and lists every procedure of the site', function () { return __awaiter(void 0, void 0, void 0, function () {
        var page, _a, _b, _i, _c, name_1, names, _d, first, second, list, _e;
        return __generator(this, function (_f) {
            switch (_f.label) {
                case 0: return [4 /*yield*/, openKiosk()];
                case 1:
                    page = _f.sent();
                    _a = vitest_1.expect;
                    return [4 /*yield*/, page.getAttribute('html', 'lang')];
                case 2:
                    _a.apply(void 0, [_f.sent()]).toBe('vi');
                    _b = vitest_1.expect;
                    return [4 /*yield*/, page.getAttribute('html', 'dir')];
                case 3:
                    _b.apply(void 0, [_f.sent()]).toBe('ltr');
                    _i = 0, _c = ['Tiếng Việt', 'English', 'हिन्दी', 'اردو'];
                    _f.label = 4;
                case 4:
                    if (!(_i < _c.length)) return [3 /*break*/, 7];
                    name_1 = _c[_i];
                    return [4 /*yield*/, (0, vitest_1.expect)(page.getByRole('button', { name: name_1, exact: true }).isVisible()).resolves.toBe(true)];
                case 5:
                    _f.sent();
                    _f.label = 6;
                case 6:
                    _i++;
                    return [3 /*break*/, 4];
                case 7: return [4 /*yield*/, page.getByRole('button', { name: 'Tiếng Việt', exact: true }).click()];
                case 8:
                    _f.sent();
                    return [4 /*yield*/, page.locator('.procedure-list').waitFor()];
                case 9:
                    _f.sent();
                    return [4 /*yield*/, page.locator('.procedure-name').allTextContents()];
                case 10:
                    names = _f.sent();
                    (0, vitest_1.expect)(names).toEqual(site.services.map(function (s) { return s.name.vi; }));
                    (0, vitest_1.expect)(names).toHaveLength(12);
                    return [4 /*yield*/, listBoxes(page)];
                case 11:
                    _d = _f.sent(), first = _d.first, second = _d.second, list = _d.list;
                    (0, vitest_1.expect)(first.y).toBe(second.y);
                    (0, vitest_1.expect)(first.x).toBeLessThan(second.x);
                    (0, vitest_1.expect)(Math.abs(first.x - list.x)).toBeLessThan(2);
                    _e = vitest_1.expect;
                    return [4 /*yield*/, loadedFonts(page)];
                case 12:
                    _e.apply(void 0, [_f.sent()]).toContain('Noto Sans');
                    return [4 /*yield*/, page.screenshot({ path: (0, index_ts_1.artifactPath)('kiosk-vi.png'), fullPage: false })];
                case 13:
                    _f.sent();
                    return [4 /*yield*/, page.close()];
                case 14:
                    _f.sent();
                    return [2 /*return*/];
            }
        });
    }); });
    (0, vitest_1.it)('switches to Urdu right to left with a mirrored layout and Urdu procedure names', function () { return __awaiter(void 0, void 0, void 0, function () {
        var page, _a, _b, birth, names, _c, first, second, list, back, title, _d, marriage, counterNumbers;
        return __generator(this, function (_e) {
            switch (_e.label) {
                case 0: return [4 /*yield*/, openKiosk()];
                case 1:
                    page = _e.sent();
                    return [4 /*yield*/, page.getByRole('button', { name: 'اردو', exact: true }).click()];
                case 2:
                    _e.sent();
                    return [4 /*yield*/, page.locator('.procedure-list').waitFor()];
                case 3:
                    _e.sent();
                    _a = vitest_1.expect;
                    return [4 /*yield*/, page.getAttribute('html', 'dir')];
                case 4:
                    _a.apply(void 0, [_e.sent()]).toBe('rtl');
                    _b = vitest_1.expect;
                    return [4 /*yield*/, page.getAttribute('html', 'lang')];
                case 5:
                    _b.apply(void 0, [_e.sent()]).toBe('ur');
                    birth = site.services.find(function (s) { return s.id === 'birth_registration'; });
                    (0, vitest_1.expect)(birth === null || birth === void 0 ? void 0 : birth.name.ur).toBeTruthy();
                    return [4 /*yield*/, (0, vitest_1.expect)(page.getByText(birth.name.ur, { exact: true }).isVisible()).resolves.toBe(true)];
                case 6:
                    _e.sent();
                    return [4 /*yield*/, page.locator('.procedure-name').allTextContents()];
                case 7:
                    names = _e.sent();
                    (0, vitest_1.expect)(names).toEqual(site.services.map(function (s) { return s.name.ur; }));
                    return [4 /*yield*/, listBoxes(page)];
                case 8:
                    _c = _e.sent(), first = _c.first, second = _c.second, list = _c.list;
                    (0, vitest_1.expect)(first.y).toBe(second.y);
                    (0, vitest_1.expect)(first.x).toBeGreaterThan(second.x);
                    (0, vitest_1.expect)(Math.abs(first.x + first.width - (list.x + list.width))).toBeLessThan(2);
                    return [4 /*yield*/, page.getByRole('button', { name: 'واپس' }).boundingBox()];
                case 9:
                    back = _e.sent();
                    return [4 /*yield*/, page.locator('.top-bar-title').boundingBox()];
                case 10:
                    title = _e.sent();
                    (0, vitest_1.expect)(back.x).toBeGreaterThan(title.x);
                    _d = vitest_1.expect;
                    return [4 /*yield*/, loadedFonts(page)];
                case 11:
                    _d.apply(void 0, [_e.sent()]).toContain('Noto Nastaliq Urdu');
                    return [4 /*yield*/, page.screenshot({ path: (0, index_ts_1.artifactPath)('kiosk-ur.png'), fullPage: false })];
                case 12:
                    _e.sent();
                    marriage = site.services.find(function (s) { return s.id === 'marriage_registration'; });
                    return [4 /*yield*/, page.getByRole('button', { name: marriage.name.ur }).click()];
                case 13:
                    _e.sent();
                    return [4 /*yield*/, page.locator('.detail').waitFor()];
                case 14:
                    _e.sent();
                    return [4 /*yield*/, (0, vitest_1.expect)(page.locator('.screen-heading').textContent()).resolves.toBe(marriage.name.ur)];
                case 15:
                    _e.sent();
                    counterNumbers = site.counters.filter(function (c) { return marriage.counters.includes(c.id); }).map(function (c) { return "".concat(c.number); });
                    return [4 /*yield*/, (0, vitest_1.expect)(page.locator('.counter-number').allTextContents()).resolves.toEqual(counterNumbers)];
                case 16:
                    _e.sent();
                    return [4 /*yield*/, (0, vitest_1.expect)(page.locator('.document-list > li').count()).resolves.toBe(marriage.required_documents.length)];
                case 17:
                    _e.sent();
                    return [4 /*yield*/, page.screenshot({ path: (0, index_ts_1.artifactPath)('kiosk-ur-detail.png'), fullPage: false })];
                case 18:
                    _e.sent();
                    return [4 /*yield*/, page.getByRole('button', { name: 'واپس' }).click()];
                case 19:
                    _e.sent();
                    return [4 /*yield*/, page.locator('.procedure-list').waitFor()];
                case 20:
                    _e.sent();
                    return [4 /*yield*/, page.close()];
                case 21:
                    _e.sent();
                    return [2 /*return*/];
            }
        });
    }); });
    (0, vitest_1.it)('finds a procedure by a keyword typed without accents', function () { return __awaiter(void 0, void 0, void 0, function () {
        var page;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, openKiosk()];
                case 1:
                    page = _a.sent();
                    return [4 /*yield*/, page.getByRole('button', { name: 'Tiếng Việt', exact: true }).click()];
                case 2:
                    _a.sent();
                    return [4 /*yield*/, page.getByRole('searchbox').fill('ket hon')];
                case 3:
                    _a.sent();
                    return [4 /*yield*/, (0, vitest_1.expect)(page.locator('.procedure-name').allTextContents()).resolves.toEqual([
                            site.services.find(function (s) { return s.id === 'marriage_registration'; }).name.vi,
                        ])];
                case 4:
                    _a.sent();
                    return [4 /*yield*/, page.close()];
                case 5:
                    _a.sent();
                    return [2 /*return*/];
            }
        });
    }); });
    (0, vitest_1.it)('forgets the citizen after the idle delay', function () { return __awaiter(void 0, void 0, void 0, function () {
        var page, _a, _b;
        return __generator(this, function (_c) {
            switch (_c.label) {
                case 0: return [4 /*yield*/, openKiosk('?idle=3')];
                case 1:
                    page = _c.sent();
                    return [4 /*yield*/, page.getByRole('button', { name: 'English', exact: true }).click()];
                case 2:
                    _c.sent();
                    return [4 /*yield*/, page.getByRole('searchbox').fill('birth')];
                case 3:
                    _c.sent();
                    _a = vitest_1.expect;
                    return [4 /*yield*/, page.getAttribute('html', 'lang')];
                case 4:
                    _a.apply(void 0, [_c.sent()]).toBe('en');
                    return [4 /*yield*/, page.locator('.language-grid').waitFor({ timeout: 15000 })];
                case 5:
                    _c.sent();
                    _b = vitest_1.expect;
                    return [4 /*yield*/, page.getAttribute('html', 'lang')];
                case 6:
                    _b.apply(void 0, [_c.sent()]).toBe('vi');
                    return [4 /*yield*/, page.getByRole('button', { name: 'English', exact: true }).click()];
                case 7:
                    _c.sent();
                    return [4 /*yield*/, (0, vitest_1.expect)(page.getByRole('searchbox').inputValue()).resolves.toBe('')];
                case 8:
                    _c.sent();
                    return [4 /*yield*/, (0, vitest_1.expect)(page.locator('.procedure-name').count()).resolves.toBe(site.services.length)];
                case 9:
                    _c.sent();
                    return [4 /*yield*/, page.close()];
                case 10:
                    _c.sent();
                    return [2 /*return*/];
            }
        });
    }); });
    // Last: it stops the bridge.
    (0, vitest_1.it)('says it is reconnecting when the bridge goes away', function () { return __awaiter(void 0, void 0, void 0, function () {
        var page;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, openKiosk()];
                case 1:
                    page = _a.sent();
                    return [4 /*yield*/, page.getByRole('button', { name: 'English', exact: true }).click()];
                case 2:
                    _a.sent();
                    return [4 /*yield*/, page.locator('.procedure-list').waitFor()];
                case 3:
                    _a.sent();
                    return [4 /*yield*/, (0, vitest_1.expect)(page.locator('.banner').count()).resolves.toBe(0)];
                case 4:
                    _a.sent();
                    return [4 /*yield*/, bridge.stop()];
                case 5:
                    _a.sent();
                    return [4 /*yield*/, page.getByText('Reconnecting', { exact: false }).waitFor({ timeout: 15000 })];
                case 6:
                    _a.sent();
                    return [4 /*yield*/, page.close()];
                case 7:
                    _a.sent();
                    return [2 /*return*/];
            }
        });
    }); });
});
