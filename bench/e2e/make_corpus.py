#!/usr/bin/env python3
"""Generates the end-to-end ingest benchmark corpus from the pages in examples/.

    make_corpus.py OUT_DIR [--mb 200] [--seed 7] [--parts 4] [--examples DIR]

Body paragraphs of every example page, feed line and WARC response are pooled
by language. Each generated article takes most paragraphs from one source story
(in order) and mixes in paragraphs from others; every person and company of the
example world is swapped for a freshly invented one (consistently within the
article, in English and Korean forms), numbers are redrawn, sentences are
dropped or reordered. The article is then wrapped in one of several outlet
templates (text capture, HTML page, JSONL line, WARC response), each with its
own menus, bylines, share lines, related lists and footers.

Shares by document: about 5% exact duplicates (an earlier article's headline
and body again, under other page furniture or format) and about 10%
near-duplicates (an earlier article lightly edited: a paragraph dropped, a few
words changed, a new headline); the rest are unique. Each JSONL file also holds
one malformed line, which ingest must reject and go past.

OUT_DIR gets part-0 .. part-{N-1} of equal size, so a benchmark can ingest 1/4,
1/2 or all of it, and a manifest.json with the counts. Output is deterministic
for a given seed, size and examples/ folder. Python 3 standard library only.
"""
import argparse
import gzip
import html
import html.parser
import json
import os
import random
import re
import sys
import uuid
import zlib

# --------------------------------------------------------------------------------------------
# The example world: who to replace. English full name, English short form, Korean full name,
# Korean short form (as used before a title: "남궁 대표"). Company stems are swapped the same way;
# the sector word after a stem ("Display", "디스플레이") stays.

PEOPLE = [
    ("Namgoong Min-jae", "Namgoong", "남궁민재", "남궁"),
    ("Delia Harrow", "Harrow", "델리아 해로", "해로"),
    ("Pyo Jin-woo", "Pyo", "표진우", "표"),
    ("Ahn Seo-yeon", "Ahn", "안서연", "안"),
    ("Anders Kvaløy", "Kvaløy", "안데르스 크발뢰위", "크발뢰위"),
    ("Bong Jae-hyun", "Bong", "봉재현", "봉"),
    ("Gil Tae-hoon", "Gil", "길태훈", "길"),
    ("Sigrid Hagevik", "Hagevik", "시그리드 하게비크", "하게비크"),
    ("Chae Su-rin", "Chae", "채수린", "채"),
    ("Callum Reyes", "Reyes", "캘럼 레예스", "레예스"),
    ("Ma Seong-hun", "Ma", "마성훈", "마"),
    ("Anna Whitcomb", "Whitcomb", "애나 휘트컴", "휘트컴"),
    ("Eom Tae-sik", "Eom", "엄태식", "엄"),
    ("Moriwaki Hideaki", "Moriwaki", "모리와키 히데아키", "모리와키"),
    ("Oh Kyung-ran", "Oh", "오경란", "오"),
    ("Takahashi Ryo", "Takahashi", "다카하시 료", "다카하시"),
    ("Hélène Marchetti", "Marchetti", "엘렌 마르케티", "마르케티"),
    ("François Lemaître", "Lemaître", "프랑수아 르메트르", "르메트르"),
    ("Kang Min-seo", "Kang", "강민서", "강"),
    ("Owen Castellano", "Castellano", "오언 카스텔라노", "카스텔라노"),
    ("Jegal Seung-woo", "Jegal", "제갈승우", "제갈"),
    ("Maribel Okafor", "Okafor", "마리벨 오카포", "오카포"),
    ("Heo Seong-jin", "Heo", "허성진", "허"),
    ("Lee Da-bin", "Lee", "이다빈", "이"),
    ("Priya Venkatesan", "Venkatesan", "프리야 벤카테산", "벤카테산"),
    ("Tak Young-jun", "Tak", "탁영준", "탁"),
    ("Lin Wei-ting", "Lin", "린웨이팅", "린"),
    ("Chen Yu-han", "Chen", "천위한", "천"),
    ("Tomasz Wierzbicki", "Wierzbicki", "토마시 비에지비츠키", "비에지비츠키"),
    ("Keum Ha-yoon", "Keum", "금하윤", "금"),
    ("Wi Seung-ho", "Wi", "위승호", "위"),
    ("Tobias Wren", "Wren", "토비아스 렌", "렌"),
    ("Yong Ha-ram", "Yong", "용하람", "용"),
    ("Jin So-yeon", "Jin", "진소연", "진"),
    ("Imogen Fairbairn", "Fairbairn", "이모젠 페어베언", "페어베언"),
    ("Rupert Ansell", "Ansell", "루퍼트 앤셀", "앤셀"),
    ("Fiona Gallagher", "Gallagher", "피오나 갤러거", "갤러거"),
    ("Daniel Okonjo", "Okonjo", "대니얼 오콘조", "오콘조"),
]

COMPANIES = [
    ("Cheongsol", "청솔"), ("Arkwell", "아크웰"), ("Gwanghwamun", "광화문"),
    ("Seorak", "설악"), ("Norveld", "노르벨드"), ("Yeonhwa", "연화"),
    ("Brazos Grid", "브라조스그리드"), ("Bomin", "보민"), ("Kurosaki", "구로사키"),
    ("Vaucourt", "보쿠르"), ("Tessaline", "테슬라인"), ("Dongbaek", "동백"),
    ("Namsan", "남산"), ("Quillon", "퀼런"), ("Garam", "가람"), ("Jadeport", "제이드포트"),
    ("Dasom", "다솜"), ("Linden Harbor", "린든하버"), ("Solbit", "솔빛"),
    ("Halcyon", "핼시언"), ("Maple Crest", "메이플크레스트"),
]

# Raw material for invented replacements.
KO_SURNAMES = [("김", "Kim"), ("이", "Lee"), ("박", "Park"), ("최", "Choi"), ("정", "Jung"),
               ("강", "Kang"), ("조", "Cho"), ("윤", "Yoon"), ("장", "Jang"), ("임", "Lim"),
               ("한", "Han"), ("오", "Oh"), ("서", "Seo"), ("신", "Shin"), ("권", "Kwon"),
               ("황", "Hwang"), ("안", "Ahn"), ("송", "Song"), ("류", "Ryu"), ("홍", "Hong"),
               ("전", "Jeon"), ("고", "Ko"), ("문", "Moon"), ("손", "Son"), ("배", "Bae"),
               ("백", "Baek"), ("노", "Noh"), ("하", "Ha"), ("곽", "Kwak"), ("성", "Sung"),
               ("남궁", "Namgoong"), ("선우", "Sunwoo"), ("독고", "Dokgo")]
KO_SYLLABLES = [("민", "min"), ("서", "seo"), ("준", "jun"), ("현", "hyun"), ("지", "ji"),
                ("우", "woo"), ("수", "su"), ("영", "young"), ("하", "ha"), ("진", "jin"),
                ("도", "do"), ("연", "yeon"), ("은", "eun"), ("재", "jae"), ("윤", "yoon"),
                ("태", "tae"), ("혜", "hye"), ("성", "seong"), ("경", "kyung"), ("호", "ho"),
                ("나", "na"), ("원", "won"), ("희", "hee"), ("석", "seok"), ("주", "ju"),
                ("빈", "bin"), ("율", "yul"), ("온", "on"), ("람", "ram"), ("솔", "sol")]
WEST_FIRST = [("Laura", "로라"), ("Martin", "마틴"), ("Elena", "엘레나"), ("David", "데이비드"),
              ("Sophie", "소피"), ("Victor", "빅터"), ("Clara", "클라라"), ("Ethan", "이선"),
              ("Nora", "노라"), ("Lucas", "루카스"), ("Hannah", "해나"), ("Oscar", "오스카"),
              ("Maya", "마야"), ("Felix", "펠릭스"), ("Irene", "아이린"), ("Julian", "줄리언"),
              ("Vera", "베라"), ("Simon", "사이먼"), ("Ada", "에이다"), ("Rafael", "라파엘")]
WEST_LAST = [("Hughes", "휴스"), ("Lindqvist", "린드크비스트"), ("Moreau", "모로"),
             ("Bishop", "비숍"), ("Castillo", "카스티요"), ("Novak", "노박"), ("Brennan", "브레넌"),
             ("Okoye", "오코예"), ("Sterling", "스털링"), ("Varga", "바르가"), ("Holt", "홀트"),
             ("Petrov", "페트로프"), ("Ainsley", "에인즐리"), ("Duarte", "두아르테"),
             ("Kessler", "케슬러"), ("Rowan", "로완"), ("Fischer", "피셔"), ("Mercer", "머서"),
             ("Ibarra", "이바라"), ("Thorne", "손"), ("Calloway", "캘러웨이"), ("Vance", "밴스")]
STEM_SYLLABLES = [("가", "Ga"), ("온", "on"), ("다", "Da"), ("미", "mi"), ("루", "ru"),
                  ("한", "Han"), ("별", "byeol"), ("빛", "bit"), ("누", "Nu"), ("리", "ri"),
                  ("새", "Sae"), ("봄", "bom"), ("해", "Hae"), ("담", "dam"), ("소", "So"),
                  ("망", "mang"), ("라", "ra"), ("윤", "yun"), ("찬", "chan"), ("아", "A")]
WEST_STEMS = [("Corvane", "코르베인"), ("Brightwater", "브라이트워터"), ("Ostrava", "오스트라바"),
              ("Kelvara", "켈바라"), ("Silverline", "실버라인"), ("Pemberton", "펨버턴"),
              ("Northgate", "노스게이트"), ("Aurelis", "아우렐리스"), ("Tarragon", "태러건"),
              ("Westbrook", "웨스트브룩"), ("Verdana", "베르다나"), ("Halloran", "핼로런"),
              ("Quintara", "퀸타라"), ("Redfern", "레드펀"), ("Solano", "솔라노")]

EN_CITIES = ["Seoul", "Busan", "Incheon", "Tokyo", "Osaka", "Singapore", "Taipei", "Hanoi",
             "San Jose", "Austin", "Detroit", "Frankfurt", "Paris", "London", "Stockholm",
             "Dubai", "Jakarta", "Sydney", "Toronto", "Houston"]
KO_CITIES = ["서울", "부산", "인천", "도쿄", "오사카", "싱가포르", "타이베이", "하노이",
             "새너제이", "오스틴", "디트로이트", "프랑크푸르트", "파리", "런던", "스톡홀름",
             "두바이", "자카르타", "시드니", "토론토", "휴스턴"]
EN_TITLES = ["CEO", "chairman", "president", "chief", "vice chairman"]
KO_TITLES = ["대표", "회장", "사장", "CEO", "부회장"]

EN_VERBS = ["meets", "hosts", "holds talks with", "dines with", "visits", "sits down with"]
EN_TOPICS = ["supply deal", "joint venture", "chip partnership", "battery plant",
             "data centre tie-up",
             "investment talks", "export push", "AI cooperation", "shipbuilding order"]
KO_TOPICS = ["공급 계약", "합작법인 설립", "반도체 협력", "배터리 공장", "데이터센터 협력",
             "투자 유치", "수출 확대", "AI 협력", "선박 발주"]

EN_OUTLETS = ["Korea Industry Wire", "Asia Deal Monitor", "Pacific Ledger", "Seoul Markets Post",
              "Harbor Business Times", "The Chip Courier", "Grid & Power Weekly", "Mobility Asia"]
KO_OUTLETS = ["산업타임스", "경제프리즘", "테크포커스", "머니나침반", "한길경제", "미래모빌리티",
              "에너지저널", "디지털산업신문"]

EN_STOP_PREFIXES = ("Copyright", "About", "[Photo]", "Photo:", "(Reporting", "—", "Related",
                    "Most ", "Share", "Print", "Tags", "Skip")
KO_NOISE_MARKS = ("▲", "사진=", "[사진", "저작권", "기자 ", "Copyright", "|")

# --------------------------------------------------------------------------------------------
# Reading the examples.


class _ParagraphParser(html.parser.HTMLParser):
    """Collects the text of <p> elements; without any, the text between <br> tags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs, self.lines = [], []
        self._p, self._line, self._skip = None, [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        elif tag == "p":
            self._p = []
        elif tag == "br":
            self._flush_line()

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1
        elif tag == "p" and self._p is not None:
            self.paragraphs.append("".join(self._p).strip())
            self._p = None
        elif tag in ("div", "td", "table"):
            self._flush_line()

    def handle_data(self, data):
        if self._skip:
            return
        if self._p is not None:
            self._p.append(data)
        self._line.append(data)

    def _flush_line(self):
        self.lines.append(" ".join("".join(self._line).split()))
        self._line = []


def html_paragraphs(markup):
    parser = _ParagraphParser()
    parser.feed(markup)
    parser.close()
    return parser.paragraphs if parser.paragraphs else parser.lines


def text_paragraphs(text):
    text = text.replace("\r\n", "\n")
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]


def hangul_share(s):
    letters = [c for c in s if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\uac00" <= c <= "\ud7a3") / len(letters)


def is_body_paragraph(p):
    if "@" in p or "http" in p:
        return False
    if hangul_share(p) > 0.5:
        return (len(p) >= 60 and not any(m in p for m in KO_NOISE_MARKS)
                and (p.endswith("다.") or p.endswith('"') or p.endswith("다")))
    return (len(p) >= 110 and len(p.split()) >= 18 and not p.startswith(EN_STOP_PREFIXES)
            and p[-1] in '."')


def decode_page(name, raw):
    if b'charset="euc-kr"' in raw.lower() or b"charset=euc-kr" in raw.lower():
        return raw.decode("cp949")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def warc_html_pages(raw):
    """Yields the HTML bodies of the text/html responses in a gzip-per-record WARC."""
    pos = 0
    while pos < len(raw):
        d = zlib.decompressobj(31)
        record = d.decompress(raw[pos:])
        pos = len(raw) - len(d.unused_data)
        _, _, block = record.partition(b"\r\n\r\n")
        http_head, _, body = block.partition(b"\r\n\r\n")
        if b"text/html" in http_head:
            yield body.decode("utf-8", "replace")


def load_stories(examples_dir):
    """Returns a list of stories; a story is a list of body paragraphs from one source."""
    sources = []
    pages = os.path.join(examples_dir, "pages")
    for name in sorted(os.listdir(pages)):
        raw = open(os.path.join(pages, name), "rb").read()
        text = decode_page(name, raw)
        sources.append(html_paragraphs(text) if name.endswith(".html") else text_paragraphs(text))
    feed = os.path.join(examples_dir, "feeds", "wire.jsonl")
    if os.path.exists(feed):
        for line in open(feed, encoding="utf-8"):
            rec = json.loads(line)
            if rec.get("text"):
                sources.append(text_paragraphs(rec["text"]))
            elif rec.get("html"):
                sources.append(html_paragraphs(rec["html"]))
    warc = os.path.join(examples_dir, "crawl", "news.warc.gz")
    if os.path.exists(warc):
        for body in warc_html_pages(open(warc, "rb").read()):
            sources.append(html_paragraphs(body))
    stories, seen = [], set()
    for paragraphs in sources:
        story = []
        for p in paragraphs:
            if is_body_paragraph(p) and p not in seen:
                seen.add(p)
                story.append(p)
        if len(story) >= 3:
            stories.append(story)
    return stories


# --------------------------------------------------------------------------------------------
# Recombining.


class Cast:
    """One article's replacement names, applied to English and Korean text alike."""

    def __init__(self, rng):
        self.map = {}
        used_roman = set()
        for en_full, en_short, ko_full, ko_short in PEOPLE:
            korean_style = "-" in en_full or en_full.split()[0] in ("Lin", "Chen")
            while True:
                if korean_style or rng.random() < 0.15:
                    ko_sur, en_sur = rng.choice(KO_SURNAMES)
                    a, b = rng.choice(KO_SYLLABLES), rng.choice(KO_SYLLABLES)
                    given_en = (a[1] + "-" + b[1]).capitalize()
                    new = (en_sur + " " + given_en, en_sur, ko_sur + a[0] + b[0], ko_sur)
                else:
                    first, last = rng.choice(WEST_FIRST), rng.choice(WEST_LAST)
                    new = (first[0] + " " + last[0], last[0], first[1] + " " + last[1], last[1])
                if new[0] not in used_roman:
                    used_roman.add(new[0])
                    break
            self.map[en_full] = new[0]
            self.map[ko_full] = new[2]
            self.map[en_short] = new[1]
            self.map[ko_short + " "] = new[3] + " "
        for en_stem, ko_stem in COMPANIES:
            if rng.random() < 0.5:
                a, b = rng.sample(STEM_SYLLABLES, 2)
                new_en, new_ko = a[1].capitalize() + b[1].lower(), a[0] + b[0]
            else:
                new_en, new_ko = rng.choice(WEST_STEMS)
            self.map[en_stem] = new_en
            self.map[ko_stem] = new_ko
        # ("p", index) and ("c", index) of the names rendered so far, in order of appearance.
        self.used = []

    def leads(self, kind, rng):
        """Two people (kind "p") or companies ("c") to headline: those the article names
        first, else random ones."""
        table = PEOPLE if kind == "p" else COMPANIES
        picked = [i for k, i in self.used if k == kind][:2]
        while len(picked) < 2:
            picked.append(rng.randrange(len(table)))
        return [table[i] for i in picked]

    def render(self, segments):
        """Joins a Paragraph sentence template, putting this cast's names in its slots and
        fixing a Korean particle right after a swapped name (가/이, 는/은, 를/을, 와/과)."""
        m = self.map
        out = []
        for i, seg in enumerate(segments):
            if i % 2:
                new = m[seg]
                out.append(new)
                kind = _KEY_KIND.get(seg)
                if kind is not None and kind not in self.used:
                    self.used.append(kind)
            elif i and seg and seg[0] in _PARTICLES and (len(seg) == 1 or not _is_hangul(seg[1])):
                out.append(_particle(out[-1], seg[0]) + seg[1:])
            else:
                out.append(seg)
        return "".join(out)


def _cast_pattern():
    keys = []
    for en_full, en_short, ko_full, ko_short in PEOPLE:
        keys += [en_full, ko_full, ko_short + " "]
    for en_stem, ko_stem in COMPANIES:
        keys += [ko_stem]
    ko_and_full = sorted(set(keys), key=len, reverse=True)
    en_words = sorted({p[1] for p in PEOPLE} | {c[0] for c in COMPANIES}, key=len, reverse=True)
    # Korean short forms only count before a title word ("채 대표"), so single syllables
    # inside other words are left alone.
    titles = "(?=(?:대표|회장|부회장|사장|부사장|CEO|전무|상무|파트너|CTO|연구원|총괄|기자))"
    parts = []
    for k in ko_and_full:
        if k.endswith(" "):
            parts.append("(?<![가-힣])" + re.escape(k) + titles)
        else:
            parts.append(re.escape(k))
    parts += [r"\b" + re.escape(w) + r"\b" for w in en_words]
    return re.compile("(" + "|".join(parts) + ")")


_CAST_RE = _cast_pattern()
_KEY_KIND = {}
for _i, _p in enumerate(PEOPLE):
    _KEY_KIND[_p[0]] = _KEY_KIND[_p[2]] = ("p", _i)
for _i, _c in enumerate(COMPANIES):
    _KEY_KIND.setdefault(_c[0], ("c", _i))
    _KEY_KIND.setdefault(_c[1], ("c", _i))
# Korean particles that depend on whether the word before ends in a consonant:
# particle -> (after a consonant, after a vowel).
_PARTICLE_PAIRS = [("이", "가"), ("은", "는"), ("을", "를"), ("과", "와")]
_PARTICLES = {}
for _a, _b in _PARTICLE_PAIRS:
    _PARTICLES[_a] = _PARTICLES[_b] = (_a, _b)


def _is_hangul(c):
    return "\uac00" <= c <= "\ud7a3"


def _has_final_consonant(word):
    c = word[-1] if word else ""
    return _is_hangul(c) and (ord(c) - 0xAC00) % 28 != 0


def _particle(word, particle):
    if not word or not _is_hangul(word[-1]):
        return particle
    after_consonant, after_vowel = _PARTICLES[particle]
    return after_consonant if _has_final_consonant(word) else after_vowel
_NUMBER_RE = re.compile(r"\d+")
_EN_SENTENCE_RE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"']))\s+(?=[A-Z\"])")
_KO_SENTENCE_RE = re.compile(r"(?<=다\.)\s+")


def redraw_numbers(text, rng):
    def repl(m):
        s = m.group(0)
        if len(s) == 4 and s[:2] in ("19", "20"):
            return s  # keep years
        if len(s) <= 2:
            month = text.startswith("월", m.end())
            return str(rng.randint(1, 12 if month else 28))
        return str(rng.randint(10 ** (len(s) - 1), 10 ** len(s) - 1))
    return _NUMBER_RE.sub(repl, text)


class Paragraph:
    """A pool paragraph, split once into sentences and each sentence into a name template:
    even items are literal text, odd items the example-world names to replace."""
    __slots__ = ("sentences",)

    def __init__(self, text):
        korean = hangul_share(text) > 0.5
        self.sentences = [_CAST_RE.split(s)
                          for s in (_KO_SENTENCE_RE if korean else _EN_SENTENCE_RE).split(text)]


def vary_paragraph(p, cast, rng):
    """Renders `p` with `cast`, dropping some sentences and sometimes reordering the rest."""
    sentences = p.sentences
    if len(sentences) > 1:
        kept = [s for s in sentences if rng.random() > 0.25] or sentences[:1]
        if rng.random() < 0.35:
            rng.shuffle(kept)
        sentences = kept
    return " ".join(cast.render(s) for s in sentences)


class Article:
    __slots__ = ("lang", "title", "paragraphs", "outlet", "author", "published", "hhmm", "cast")

    def __init__(self, lang, title, paragraphs, outlet, author, published, hhmm, cast):
        self.lang, self.title, self.paragraphs = lang, title, paragraphs
        self.outlet, self.author, self.published, self.hhmm = outlet, author, published, hhmm
        self.cast = cast


def make_headline(lang, cast, rng):
    p1, p2 = cast.leads("p", rng)
    c1, c2 = cast.leads("c", rng)
    if lang == "en":
        a, b = cast.map[c1[0]], cast.map[c2[0]]
        return "%s's %s %s %s %s %s in %s on %s" % (
            a, cast.map[p1[1]], rng.choice(EN_VERBS), b, rng.choice(EN_TITLES),
            cast.map[p2[1]], rng.choice(EN_CITIES), rng.choice(EN_TOPICS))
    title2 = rng.choice(KO_TITLES)
    return "%s %s %s, %s %s %s%s %s서 회동…\"%s 논의\"" % (
        cast.map[c1[1]], cast.map[p1[2]], rng.choice(KO_TITLES), cast.map[c2[1]],
        cast.map[p2[2]], title2, _particle(title2, "와"), rng.choice(KO_CITIES),
        rng.choice(KO_TOPICS))


def make_article(stories_by_lang, rng):
    lang = "en" if rng.random() < 0.5 else "ko"
    stories = stories_by_lang[lang]
    primary = rng.choice(stories)
    cast = Cast(rng)
    chosen = [p for p in primary if rng.random() < 0.6] or primary[:2]
    for _ in range(rng.randint(2, 5)):
        other = rng.choice(stories)
        chosen.insert(rng.randint(1, len(chosen)), rng.choice(other))
    paragraphs = [redraw_numbers(vary_paragraph(p, cast, rng), rng) for p in chosen]
    outlet = rng.choice(EN_OUTLETS if lang == "en" else KO_OUTLETS)
    if lang == "en":
        first, last = rng.choice(WEST_FIRST), rng.choice(WEST_LAST)
        author = first[0] + " " + last[0]
    else:
        sur, a, b = rng.choice(KO_SURNAMES), rng.choice(KO_SYLLABLES), rng.choice(KO_SYLLABLES)
        author = sur[0] + a[0] + b[0]
    published = "2025-%02d-%02d" % (rng.randint(1, 12), rng.randint(1, 28))
    hhmm = "%02d:%02d" % (rng.randint(6, 22), rng.randint(0, 59))
    return Article(lang, make_headline(lang, cast, rng), paragraphs, outlet, author, published,
                   hhmm, cast)


def near_copy(a, rng):
    """A light edit of `a`, as one outlet's copy of another's wire story: maybe a new
    headline, maybe the last paragraph dropped (long stories only), one word changed.
    Jaccard with `a` over 5-word shingles stays above about 0.6 (0.63 in a 1,000-copy sample)."""
    paragraphs = list(a.paragraphs)
    if len(paragraphs) >= 7 and rng.random() < 0.5:
        paragraphs.pop()
    i = rng.randrange(len(paragraphs))
    words = paragraphs[i].split(" ")
    words[rng.randrange(len(words))] = rng.choice(["reportedly", "also", "이미", "또한"])
    paragraphs[i] = " ".join(words)
    outlet = rng.choice(EN_OUTLETS if a.lang == "en" else KO_OUTLETS)
    title = make_headline(a.lang, a.cast, rng) if rng.random() < 0.5 else a.title
    return Article(a.lang, title, paragraphs, outlet, a.author, a.published, a.hhmm, a.cast)


# --------------------------------------------------------------------------------------------
# Page furniture.

EN_MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.",
             "Nov.", "Dec."]


def related_headlines(a, rng, n):
    lang = a.lang
    out = []
    for _ in range(n):
        out.append(make_headline(lang, a.cast, rng) if rng.random() < 0.3 else
                   (rng.choice(["Won slips as exporters hold dollars",
                                "Chip exports rise for fourth month",
                                "Shipbuilders' backlog hits record",
                                "Kospi ends flat ahead of Fed minutes",
                                "Battery makers cut capex plans"]) if lang == "en" else
                    rng.choice(["원·달러 환율 1400원대 등락", "반도체 수출 4개월 연속 증가",
                                "조선업 수주잔고 사상 최대", "코스피 보합 마감",
                                "배터리 업계 투자 속도 조절"])))
    return out


def text_page(a, rng):
    y, m, d = a.published.split("-")
    lines = []
    if a.lang == "en":
        lines += [a.outlet, "Home | Companies | Markets | Tech | Economy | Opinion | Subscribe",
                  "", "Home > %s" % rng.choice(["Companies", "Industry", "Tech", "Autos"]), "",
                  a.title, "", "By %s" % a.author,
                  "Published : %s %d, %s - %s" % (EN_MONTHS[int(m) - 1], int(d), y, a.hhmm), "",
                  "Share  Facebook  X  LinkedIn  Email  |  Print  |  A+  A-", ""]
    else:
        lines += [a.outlet, "전체기사 | 산업 | 경제 | IT | 증권 | 국제 | 오피니언", "",
                  "홈 > %s" % rng.choice(["산업", "재계", "IT·과학", "자동차"]), "", a.title, "",
                  "%s 기자  |  입력 %s.%s.%s %s" % (a.author, y, m, d, a.hhmm), "",
                  "공유하기  페이스북  카카오톡  X  URL복사  |  인쇄", ""]
    for p in a.paragraphs:
        lines += [p, ""]
    if a.lang == "en":
        lines += ["%s@example-news.com" % a.author.split()[-1].lower(), "", "Related Articles"]
        lines += ["- " + h for h in related_headlines(a, rng, 3)]
        lines += ["", "Copyright (c) %s. All rights reserved." % a.outlet]
    else:
        lines += ["%s 기자 reporter@example-news.kr" % a.author, "",
                  "<저작권자 © %s, 무단 전재 및 재배포 금지>" % a.outlet, "", "관련기사"]
        lines += ["· " + h for h in related_headlines(a, rng, 3)]
    return "\n".join(lines) + "\n"


def html_page(a, rng):
    lang = a.lang
    paras = "\n".join("<p>%s</p>" % html.escape(p, quote=False) for p in a.paragraphs)
    nav = ("Companies Markets Tech Economy Opinion".split() if lang == "en"
           else "산업 경제 IT 증권 국제 오피니언".split())
    rel = "".join("<li><a href=\"/a/%d\">%s</a></li>" % (rng.randint(1000, 99999), html.escape(h))
                  for h in related_headlines(a, rng, 4))
    iso = "%sT%s:00+09:00" % (a.published, a.hhmm)
    title = html.escape(a.title)
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": a.title,
                     "datePublished": iso, "author": {"@type": "Person", "name": a.author}},
                    ensure_ascii=False)
    return (
        '<!DOCTYPE html>\n<html lang="%s">\n<head>\n<meta charset="utf-8">\n'
        "<title>%s | %s</title>\n"
        '<meta property="article:published_time" content="%s">\n'
        '<script type="application/ld+json">%s</script>\n'
        "<script>window.ads=window.ads||[];ads.push({slot:%d});</script>\n"
        "</head>\n<body>\n<header><a class=\"logo\" href=\"/\">%s</a><nav>%s</nav></header>\n"
        "<main><article><h1>%s</h1>\n"
        '<div class="byline">%s <time datetime="%s">%s</time></div>\n'
        '<div class="share">Facebook X LinkedIn Email Print</div>\n'
        '<div class="article-body">\n%s\n</div></article>\n'
        "<aside><h3>%s</h3><ol>%s</ol></aside></main>\n"
        "<footer><p>&copy; %s. All rights reserved.</p></footer>\n"
        "<script src=\"/js/app.%06x.js\"></script>\n</body>\n</html>\n"
    ) % (lang, title, html.escape(a.outlet), iso, ld, rng.randint(1, 9),
         html.escape(a.outlet),
         " ".join('<a href="/%d">%s</a>' % (i, n) for i, n in enumerate(nav)),
         title, html.escape(a.author), iso, a.published, paras,
         "Most read" if lang == "en" else "많이 본 뉴스", rel, html.escape(a.outlet),
         rng.randrange(1 << 24))


def jsonl_line(a, rng, serial):
    rec = {"id": "bench-%08d" % serial, "url": "https://news.example/%s/%08d" % (a.lang, serial),
           "title": a.title, "published": "%sT%s:00+09:00" % (a.published, a.hhmm),
           "outlet": a.outlet, "author": a.author, "lang": a.lang}
    if rng.random() < 0.3:
        rec["html"] = html_page(a, rng)
    else:
        rec["text"] = "\n\n".join(a.paragraphs)
    return json.dumps(rec, ensure_ascii=False) + "\n"


def warc_member(warc_type, rid, uri, block, content_type):
    head = ("WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\n"
            "WARC-Date: 2025-06-01T00:00:00Z\r\nWARC-Target-URI: %s\r\n"
            "Content-Type: %s\r\nContent-Length: %d\r\n\r\n"
            % (warc_type, rid, uri, content_type, len(block)))
    return gzip.compress(head.encode("utf-8") + block + b"\r\n\r\n", compresslevel=1, mtime=0)


def warc_response(a, rng, serial):
    body = html_page(a, rng).encode("utf-8")
    http = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            "Content-Length: %d\r\nConnection: close\r\n\r\n" % len(body)).encode("ascii") + body
    rid = uuid.UUID(int=rng.getrandbits(128), version=4)
    return warc_member("response", rid, "https://news.example/warc/%08d" % serial, http,
                       "application/http; msgtype=response")


# --------------------------------------------------------------------------------------------
# Driver.

FORMAT_WEIGHTS = [("txt", 0.36), ("html", 0.34), ("jsonl", 0.22), ("warc", 0.08)]


class PartWriter:
    """Writes one part: files in subfolders of 500, JSONL and WARC files of a few MB."""

    def __init__(self, root, rng):
        self.root, self.rng = root, rng
        self.files = 0
        self.bytes = 0
        self.jsonl, self.jsonl_bytes, self.jsonl_count = None, 0, 0
        self.warc = None
        self.warc_path = os.path.join(root, "crawl.warc.gz")
        self.counts = {"txt": 0, "html": 0, "jsonl": 0, "warc": 0, "malformed_lines": 0}

    def _file(self, ext, data):
        folder = os.path.join(self.root, ext, "%04d" % (self.files // 500))
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "doc-%06d.%s" % (self.files, ext)), "wb") as f:
            f.write(data)
        self.files += 1
        self.bytes += len(data)

    def write(self, fmt, a, serial):
        rng = self.rng
        if fmt == "txt":
            self._file("txt", text_page(a, rng).encode("utf-8"))
        elif fmt == "html":
            self._file("html", html_page(a, rng).encode("utf-8"))
        elif fmt == "jsonl":
            if self.jsonl is None or self.jsonl_bytes > (8 << 20):
                self._open_jsonl()
            data = jsonl_line(a, rng, serial).encode("utf-8")
            self.jsonl.write(data)
            self.jsonl_bytes += len(data)
            self.bytes += len(data)
        else:
            if self.warc is None:
                self.warc = open(self.warc_path, "wb")
                info = (b"software: tiegraph bench/e2e/make_corpus.py\r\n"
                        b"format: WARC File Format 1.1\r\n")
                self._warc_write(warc_member("warcinfo", uuid.UUID(int=0), "", info,
                                             "application/warc-fields"))
            self._warc_write(warc_response(a, rng, serial))
        self.counts[fmt] += 1

    def _warc_write(self, data):
        self.warc.write(data)
        self.bytes += len(data)

    def _open_jsonl(self):
        if self.jsonl is not None:
            self.jsonl.close()
        os.makedirs(os.path.join(self.root, "jsonl"), exist_ok=True)
        path = os.path.join(self.root, "jsonl", "feed-%03d.jsonl" % self.jsonl_count)
        self.jsonl = open(path, "wb")
        self.jsonl_count += 1
        self.jsonl_bytes = 0
        if self.jsonl_count == 1:
            # A truncated line, as a crawler killed mid-write leaves behind.
            bad = b'{"id": "bench-broken", "title": "Truncated line", "text": "cut off here\n'
            self.jsonl.write(bad)
            self.bytes += len(bad)
            self.counts["malformed_lines"] += 1

    def close(self):
        if self.jsonl is not None:
            self.jsonl.close()
        if self.warc is not None:
            self.warc.close()


def pick_format(rng):
    x, acc = rng.random(), 0.0
    for fmt, w in FORMAT_WEIGHTS:
        acc += w
        if x < acc:
            return fmt
    return FORMAT_WEIGHTS[-1][0]


def generate_part(root, part, target_bytes, stories_by_lang, seed):
    rng = random.Random(seed * 1000003 + part)
    os.makedirs(root, exist_ok=True)
    writer = PartWriter(root, rng)
    recent = []  # earlier unique articles of this part, for duplicates
    kinds = {"unique": 0, "exact": 0, "near": 0}
    serial = part * 10_000_000
    while writer.bytes < target_bytes:
        x = rng.random()
        if recent and x < 0.05:
            src = rng.choice(recent)
            a = Article(src.lang, src.title, src.paragraphs, rng.choice(
                EN_OUTLETS if src.lang == "en" else KO_OUTLETS), src.author, src.published,
                src.hhmm, src.cast)
            kinds["exact"] += 1
        elif recent and x < 0.15:
            a = near_copy(rng.choice(recent), rng)
            kinds["near"] += 1
        else:
            a = make_article(stories_by_lang, rng)
            recent.append(a)
            if len(recent) > 2000:
                recent.pop(rng.randrange(len(recent)))
            kinds["unique"] += 1
        writer.write(pick_format(rng), a, serial)
        serial += 1
    writer.close()
    return {"bytes": writer.bytes, "files": writer.files, "formats": writer.counts,
            "articles": kinds}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("--mb", type=float, default=200, help="total size in MB (10^6 bytes)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--parts", type=int, default=4)
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--examples", default=os.path.join(here, "..", "..", "examples"))
    args = ap.parse_args()

    stories = load_stories(args.examples)
    by_lang = {"en": [], "ko": []}
    for s in stories:
        by_lang["ko" if hangul_share(" ".join(s)) > 0.5 else "en"].append([Paragraph(p) for p in s])
    if not by_lang["en"] or not by_lang["ko"]:
        sys.exit("make_corpus: no English or no Korean stories found in %s" % args.examples)

    total = int(args.mb * 1e6)
    manifest = {"seed": args.seed, "mb": args.mb,
                "stories": {k: len(v) for k, v in by_lang.items()}, "parts": []}
    for part in range(args.parts):
        root = os.path.join(args.out_dir, "part-%d" % part)
        info = generate_part(root, part, total // args.parts, by_lang, args.seed)
        info["path"] = "part-%d" % part
        manifest["parts"].append(info)
        print("%s: %.1f MB, %d articles %s" % (root, info["bytes"] / 1e6,
                                               sum(info["articles"].values()), info["articles"]),
              file=sys.stderr)
    with open(os.path.join(args.out_dir, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)


if __name__ == "__main__":
    main()
