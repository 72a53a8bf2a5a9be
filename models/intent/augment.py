"""Noise the training generator adds to hand-written phrases: Vietnamese without diacritics, Vietnamese with
telex leftovers (the keystrokes an input method failed to convert: "giaays" for "giấy"), Vietnamese chat
spelling ("ko" for "không", "dc" for "được"), other spellings of Hinglish and Roman Urdu words ("chaiye" for
"chahiye", "bhot" for "bahut"), typos, case."""

from __future__ import annotations

import random
import unicodedata

_TONES = {"\u0301": "s", "\u0300": "f", "\u0309": "r", "\u0303": "x", "\u0323": "j"}
_SHAPES = {"\u0302": None, "\u0306": "w", "\u031b": "w"}  # circumflex doubles the vowel; breve/horn add w


def strip_diacritics(text: str) -> str:
    s = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in s if not 0x0300 <= ord(c) <= 0x036F))


def telex(word: str) -> str:
    """Types a Vietnamese word in raw telex: giấy -> giaays, đường -> dduwowngf, khai -> khai."""
    out = []
    tone = ""
    for ch in unicodedata.normalize("NFD", word):
        if ch in _TONES:
            tone = _TONES[ch]
        elif ch in _SHAPES:
            prev = out[-1] if out else ""
            out.append(prev if _SHAPES[ch] is None else "w")
        elif ch in "đĐ":
            out.append("dd")
        else:
            out.append(ch)
    return unicodedata.normalize("NFC", "".join(out)).replace("đ", "dd") + tone


def telex_sentence(text: str, rng: random.Random, p_word: float = 0.5) -> str:
    return " ".join(telex(w) if rng.random() < p_word else strip_diacritics(w) for w in text.split(" "))


# Chat and spoken spellings of common Vietnamese words, as people type them on phones and kiosks. Whole
# words only; each replaced with probability 0.6 in a sentence picked for colloquial spelling.
_COLLOQUIAL = {
    "không": ["ko", "k", "hông", "hok", "khum"],
    "được": ["đc", "dc", "dk", "đươc"],
    "gì": ["j", "gi"],
    "vậy": ["v", "z", "zậy"],
    "rồi": ["r", "rùi"],
    "tôi": ["tui", "t", "mình"],
    "như thế nào": ["ntn", "sao", "thế nào"],
    "thế nào": ["ntn", "sao"],
    "bao nhiêu": ["bn", "bao nhiu", "nhiêu"],
    "biết": ["bít"],
    "với": ["vs", "zới"],
    "muốn": ["mún"],
    "bây giờ": ["bg", "giờ"],
    "làm": ["lm"],
    "mấy giờ": ["mấy h"],
    "ạ": ["a", "ak"],
    "anh": ["a"],
    "em": ["e"],
    "chị": ["c"],
}
_COLLOQUIAL_KEYS = sorted(_COLLOQUIAL, key=lambda k: -len(k))


def _replace_phrases(
    text: str, table: dict[str, list[str]], keys: list[str], rng: random.Random, p_word: float
) -> str:
    """Each phrase of `table` (longest first) found at a word boundary becomes one of its variants with
    probability `p_word`; one random draw per match, in reading order."""
    words = text.split(" ")
    out: list[str] = []
    i = 0
    while i < len(words):
        for key in keys:
            n = key.count(" ") + 1
            if " ".join(words[i : i + n]).lower() == key and rng.random() < p_word:
                out.append(rng.choice(table[key]))
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    return " ".join(out)


def colloquial_vi(text: str, rng: random.Random, p_word: float = 0.6) -> str:
    """Vietnamese as typed in chat: "tôi không biết làm thế nào" -> "tui ko bít lm ntn"."""
    return _replace_phrases(text, _COLLOQUIAL, _COLLOQUIAL_KEYS, rng, p_word)


# Hinglish and Roman Urdu have no fixed spelling: the same word is typed many ways ("chahiye", "chahie",
# "chaiye"; "bahut", "bohat", "bhot"), often without vowels as in text messages ("krna", "kb", "h"). Whole
# words only; each replaced with probability 0.6 in a sentence picked for respelling.
_ROMAN = {
    "kya": ["kia", "kyaa", "kiya"],
    "hai": ["he", "h", "hy", "hae"],
    "hain": ["hen", "hn", "hai"],
    "chahiye": ["chahie", "chaiye", "chahye", "chahiyay", "chaheye"],
    "chahie": ["chahiye", "chaiye"],
    "mein": ["me", "mai", "mei", "men"],
    "kahan": ["kahaan", "kaha", "kahn"],
    "nahi": ["nahin", "nai", "nhi", "nahee"],
    "nahin": ["nahi", "nhi"],
    "karna": ["krna", "karnaa"],
    "karwana": ["karvana", "krwana", "karana"],
    "karwani": ["karvani", "krwani", "karani"],
    "kaise": ["kese", "kaisay", "kaisey", "kesy"],
    "kitne": ["kitnay", "ktne", "kitney"],
    "kitna": ["kitnaa", "ktna"],
    "ke liye": ["k liye", "ke liay", "ke lie", "keliye", "ke liyay"],
    "aap": ["ap"],
    "mujhe": ["mujhy", "mje", "mujhey", "muje"],
    "hoga": ["hogaa", "hoega"],
    "dein": ["den", "dain"],
    "kab": ["kb"],
    "abhi": ["abi", "abhee"],
    "bahut": ["bohat", "bhot", "bahot", "bohot"],
    "bohat": ["bahut", "bhot", "bohot"],
    "theek": ["thik", "thek"],
    "kagaz": ["kaagaz", "kaghaz", "kagaj"],
    "kaghaz": ["kagaz", "kaghaz"],
    "zaroori": ["zaruri", "jaruri", "zarori"],
    "milega": ["milayga", "milegaa", "milay ga"],
    "batao": ["btao", "bata do"],
    "batayein": ["bataen", "batain", "btayen"],
    "hua": ["huwa", "hoa"],
    "gaya": ["gya", "gayaa"],
    "karun": ["karoon", "karu", "krun"],
    "kar": ["kr"],
    "par": ["pe", "pr"],
    "pe": ["par", "pr"],
    "se": ["sey", "say"],
    "hoon": ["hun", "hu", "hn"],
    "hun": ["hoon", "hu"],
    "shaadi": ["shadi", "shaadee"],
    "shadi": ["shaadi"],
    "paise": ["pese", "paisay", "pesay"],
    "jagah": ["jaga", "jgah"],
    "wala": ["waala", "vala"],
    "wali": ["waali", "vali"],
    "certificate": ["certificat", "sertificate", "certficate"],
    "registration": ["registeration", "regstration"],
}
_ROMAN_KEYS = sorted(_ROMAN, key=lambda k: -len(k))


def respell_roman(text: str, rng: random.Random, p_word: float = 0.6) -> str:
    """Hinglish / Roman Urdu with another spelling: "mujhe kya chahiye" -> "mje kia chaiye"."""
    return _replace_phrases(text, _ROMAN, _ROMAN_KEYS, rng, p_word)


def typo(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    idx = [i for i, w in enumerate(words) if len(w) >= 4]
    if not idx:
        return text
    i = rng.choice(idx)
    w = list(words[i])
    j = rng.randrange(1, len(w) - 1)
    op = rng.random()
    if op < 0.3:
        del w[j]
    elif op < 0.6:
        w[j], w[j + 1] = w[j + 1], w[j]
    elif op < 0.8 or not words[i].isascii():
        w.insert(j, w[j])
    else:
        w[j] = rng.choice("aeioundhtm")
    words[i] = "".join(w)
    return " ".join(words)


def surface(text: str, lang: str, latin: bool, rng: random.Random) -> str:
    """Random surface noise for one generated sentence."""
    if lang == "vi":
        if rng.random() < 0.15:
            text = colloquial_vi(text, rng)
        r = rng.random()
        if r < 0.33:
            text = strip_diacritics(text)
        elif r < 0.41:
            text = telex_sentence(text, rng)
    if latin and lang in ("hi", "ur") and rng.random() < 0.35:
        text = respell_roman(text, rng)
    if rng.random() < 0.12:
        text = typo(text, rng)
    if latin or lang in ("vi", "en"):
        r = rng.random()
        if r < 0.25:
            text = text[:1].upper() + text[1:]
        elif r < 0.28:
            text = text.upper()
    r = rng.random()
    if r < 0.2:
        text += "?"
    elif r < 0.25:
        text += "."
    elif r < 0.28:
        text += "!"
    return text
