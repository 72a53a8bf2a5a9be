import { defineMessages } from './define.ts';

/**
 * The lobby display: read from a distance by people waiting, in the site's default language with the
 * other enabled languages beside it. The call itself is `announce.call`.
 */
export const display = defineMessages('display', {
  title: {
    vi: 'Màn hình phòng chờ',
    en: 'Lobby display',
    hi: 'प्रतीक्षा कक्ष की स्क्रीन',
    ur: 'انتظار گاہ کی اسکرین',
  },
  /** `address`: the page address to open, with a placeholder for the token. */
  setup_hint: {
    vi: 'Mở trang này theo địa chỉ {address} với mã thiết bị màn hình của trung tâm.',
    en: 'Open this page as {address} with a display token of this centre.',
    hi: 'यह पेज {address} के रूप में खोलें, इस केंद्र के डिस्प्ले टोकन के साथ।',
    ur: 'یہ صفحہ {address} کی صورت میں کھولیں، اس مرکز کے ڈسپلے ٹوکن کے ساتھ۔',
  },
  enable_sound: { vi: 'Bật âm thanh', en: 'Enable sound', hi: 'आवाज़ चालू करें', ur: 'آواز چالو کریں' },
  reconnecting: {
    vi: 'Mất kết nối, đang kết nối lại…',
    en: 'Connection lost, reconnecting…',
    hi: 'कनेक्शन टूट गया, फिर से जुड़ रहा है…',
    ur: 'رابطہ ٹوٹ گیا، دوبارہ جڑ رہا ہے…',
  },
  now_serving: { vi: 'Đang phục vụ', en: 'Now serving', hi: 'अभी सेवा में', ur: 'اس وقت خدمت میں' },
  ready: { vi: 'Sẵn sàng', en: 'Ready', hi: 'तैयार', ur: 'تیار' },
  no_counter_open: {
    vi: 'Chưa có quầy nào mở',
    en: 'No counter is open yet',
    hi: 'अभी कोई काउंटर खुला नहीं है',
    ur: 'ابھی کوئی کاؤنٹر کھلا نہیں',
  },
  last_calls: {
    vi: 'Vừa gọi',
    en: 'Last calls',
    hi: 'अभी बुलाए गए नंबर',
    ur: 'ابھی پکارے گئے نمبر',
  },
  called_again: { vi: 'gọi lại', en: 'called again', hi: 'फिर बुलाया', ur: 'دوبارہ پکارا' },
  /** Beside a ticket sent to another service's line: the counters there call it when its turn comes. */
  moved_wait: {
    vi: 'đã chuyển quầy, chờ gọi',
    en: 'moved, wait to be called',
    hi: 'काउंटर बदला, बुलाए जाने की प्रतीक्षा करें',
    ur: 'کاؤنٹر بدل گیا، پکارے جانے کا انتظار کریں',
  },
  /** `service`: the procedure's name; `count`: people waiting for it. */
  waiting: {
    vi: '{service}: {count, number} người đang chờ',
    en: '{service}: {count, number} waiting',
    hi: '{service}: {count, number} प्रतीक्षा में',
    ur: '{service}: {count, number} انتظار میں',
  },
  nobody_waiting: {
    vi: 'Không có ai đang chờ',
    en: 'Nobody is waiting',
    hi: 'कोई प्रतीक्षा में नहीं है',
    ur: 'کوئی انتظار میں نہیں',
  },
});
