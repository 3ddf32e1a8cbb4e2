#!/usr/bin/env python3
"""Writes examples/crawl/news.warc.gz, a small WARC/1.1 crawl of three news pages.

Layout follows Common Crawl: every record is its own gzip member, so a reader
can seek to any record offset and decompress from there. Record ids are UUIDv5
of fixed names and every date is fixed, so the output is byte-for-byte
reproducible (gzip member headers carry mtime 0 and no file name).

Records, in order: warcinfo, request, response (HTML, English), response (HTML,
Korean), response (image/png), response (HTML, English), response
(application/json). All people, companies and outlets are fictional.

Usage: make_warc.py [OUT_PATH]   (default: news.warc.gz next to this script)
"""
import base64
import gzip
import hashlib
import html
import os
import struct
import sys
import uuid
import zlib

NAMESPACE = uuid.UUID("6f1c2a52-8d0e-4a8b-9a57-3f0d0a1b2c3d")


def record_id(name):
    return "<urn:uuid:%s>" % uuid.uuid5(NAMESPACE, name)


def sha1_b32(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def warc_record(warc_type, name, date, block, content_type, uri=None, extra=()):
    """Returns one gzip member holding a complete WARC record."""
    headers = [
        ("WARC-Type", warc_type),
        ("WARC-Record-ID", record_id(name)),
        ("WARC-Date", date),
    ]
    if uri:
        headers.append(("WARC-Target-URI", uri))
    headers.extend(extra)
    headers.append(("WARC-Block-Digest", sha1_b32(block)))
    headers.append(("Content-Type", content_type))
    headers.append(("Content-Length", str(len(block))))
    head = "WARC/1.1\r\n" + "".join("%s: %s\r\n" % kv for kv in headers) + "\r\n"
    raw = head.encode("utf-8") + block + b"\r\n\r\n"
    return gzip.compress(raw, compresslevel=9, mtime=0)


def http_response(body, content_type, date):
    head = (
        "HTTP/1.1 200 OK\r\n"
        "Date: %s\r\n"
        "Server: nginx\r\n"
        "Content-Type: %s\r\n"
        "Content-Length: %d\r\n"
        "Cache-Control: max-age=300\r\n"
        "Connection: close\r\n"
        "\r\n" % (date, content_type, len(body))
    )
    return head.encode("ascii") + body


def tiny_png():
    """A valid 2x2 grey PNG built from its chunks."""
    def chunk(kind, data):
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", 2, 2, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x80\x80\x00\x80\x80", 9)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", pixels)
            + chunk(b"IEND", b""))


def page(lang, title, outlet, published, byline, paragraphs, nav, footer):
    paras = "\n".join("      <p>%s</p>" % html.escape(p, quote=False) for p in paragraphs)
    links = " ".join('<a href="/%s">%s</a>' % (n.lower(), html.escape(n)) for n in nav)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="%(lang)s">\n<head>\n<meta charset="utf-8">\n'
        "<title>%(title)s | %(outlet)s</title>\n"
        '<meta property="og:title" content="%(title)s">\n'
        '<meta property="article:published_time" content="%(published)s">\n'
        "<script>window.dataLayer=window.dataLayer||[];"
        'dataLayer.push({"section":"news"});</script>\n'
        "</head>\n<body>\n"
        '<header><div class="logo">%(outlet)s</div><nav>%(links)s</nav></header>\n'
        "<main>\n  <article>\n    <h1>%(title)s</h1>\n"
        '    <div class="byline">%(byline)s · '
        '<time datetime="%(published)s">%(published_short)s</time></div>\n'
        '    <div class="share">Share · Facebook · X · Email · Print</div>\n'
        '    <div class="body">\n%(paras)s\n    </div>\n  </article>\n'
        '  <aside><h3>Most read</h3><ol><li>Markets close mixed ahead of rate decision</li>'
        "<li>Exporters brace for new tariffs</li></ol></aside>\n</main>\n"
        "<footer>%(footer)s</footer>\n</body>\n</html>\n"
    ) % {
        "lang": lang,
        "title": html.escape(title),
        "outlet": html.escape(outlet),
        "published": published,
        "published_short": published[:10],
        "byline": html.escape(byline),
        "links": links,
        "paras": paras,
        "footer": html.escape(footer),
    }


MAPLE_CREST = [
    "Maple Crest Mining chief executive Fiona Gallagher met Bomin Chemical President Eom Tae-sik "
    "in Toronto on Tuesday on the sidelines of the PDAC mining convention, as the Korean battery "
    "materials maker widens its search for nickel and lithium outside Asia.",
    "The two executives met for about an hour in a meeting room at the Metro Toronto Convention "
    "Centre, according to Maple Crest, and were joined by Bomin's head of materials, "
    "Executive Vice President Oh Kyung-ran, and Maple Crest's vice president for marketing, "
    "Daniel Okonjo.",
    "They discussed an offtake agreement for nickel sulphate from Maple Crest's planned refinery "
    "near Sudbury, Ontario, which is due to start production in 2027, and a possible minority "
    "investment by Bomin in the project, two people familiar with the talks said.",
    "\"Korean cathode makers want supply they can trace from the mine to the cell, and Canada can "
    "offer that,\" Gallagher said in a statement. \"Mr. Eom understands that better than most.\"",
    "Eom, who met executives of a Japanese trading house in Tokyo last month, said Bomin wanted "
    "\"more than one road to every raw material.\" He did not give details of the talks.",
    "Bomin produces about 60,000 tonnes of cathode material a year at its plant in Yeosu, South "
    "Jeolla Province, and plans to raise capacity to 100,000 tonnes by 2027.",
    "Eom was scheduled to fly to Vancouver on Thursday to meet officials of a provincial "
    "investment agency before returning to Seoul on the weekend. Gallagher is expected to visit "
    "Yeosu in the second half of the year, Maple Crest said.",
    "Maple Crest shares rose 5.4 percent in Toronto on Tuesday.",
]

DONGBAEK_KO = [
    "제갈승우 동백모빌리티 회장이 방한 중인 오언 카스텔라노 테슬라인모터스 최고경영자(CEO)와 "
    "경기 화성의 전기차 구동장치 공장을 함께 둘러봤다.",
    "21일 업계에 따르면 제갈 회장은 이날 오전 화성공장을 찾은 카스텔라노 CEO를 직접 안내하며 "
    "모터와 인버터, 감속기를 하나로 묶은 통합 구동장치 생산라인을 소개했다. 전날 서울 서초구 "
    "본사에서 3시간가량 회담한 데 이어 이틀 연속 만남이다.",
    "공장 방문에는 동백모빌리티 전동화사업을 이끄는 허성진 사장과 테슬라인의 마리벨 오카포 글로벌 "
    "구매총괄이 동행했다. 두 사람은 생산 자동화 수준과 품질 관리 체계를 꼼꼼히 살핀 것으로 전해졌다.",
    "카스텔라노 CEO는 공장 방문 뒤 기자들과 만나 \"생산 현장을 직접 보니 동백이 왜 좋은 평가를 받는지 "
    "알 수 있었다\"며 \"함께 성장할 수 있는 파트너를 찾고 있다\"고 말했다.",
    "업계에서는 테슬라인이 2027년 출시할 중형 크로스오버에 들어갈 구동장치 공급 계약이 이르면 "
    "상반기 중 체결될 것으로 보고 있다. 계약 규모는 수명 주기 기준 2조원을 넘을 것이라는 관측이 나온다.",
    "카스텔라노 CEO는 이날 오후 세종으로 이동해 산업통상자원부 관계자들과 투자 인센티브 문제를 "
    "논의한 뒤 22일 미국으로 돌아간다. 제갈 회장은 다음 달 미국 네바다주 리노 인근에 있는 "
    "테슬라인 조립공장을 방문할 예정이다.",
    "동백모빌리티 주가는 이날 유가증권시장에서 전 거래일 대비 6.7% 오른 4만2600원에 거래를 마쳤다.",
]

CHEONGSOL_DEAL = [
    "Cheongsol Display said on Tuesday it had signed a three-year agreement to supply "
    "OLED-on-silicon microdisplays to Arkwell Semiconductor, six weeks after Arkwell chief "
    "executive Delia Harrow visited the Korean company's pilot line and dined with its CEO in "
    "Seoul.",
    "Under the deal, Cheongsol will start shipping panels from its line in Paju, Gyeonggi "
    "Province, in the first quarter of 2026. Arkwell will pair them with its image processors "
    "in reference designs for headset makers. The companies did not disclose the value of the "
    "contract, which analysts estimated at 400 billion won to 600 billion won.",
    "Cheongsol CEO Namgoong Min-jae and Harrow signed the agreement by video link on Monday, the "
    "companies said. Namgoong is scheduled to visit Arkwell's headquarters in San Jose, "
    "California, in May to meet Harrow and Arkwell's engineering team, and will also attend "
    "the Display Week trade show while in the United States.",
    "\"We said in March that we shared a view of where the market was going. Now we have a "
    "contract that says so,\" Namgoong said in a statement.",
    "Harrow said Cheongsol had \"answered every question we asked about yield, one by one.\"",
    "Pyo Jin-woo, the executive vice president in charge of Cheongsol's microdisplay division, "
    "will lead a joint engineering team with Arkwell staff in Paju and San Jose, Cheongsol said.",
    "Cheongsol Display shares rose 7.9 percent to 21,450 won in Seoul on Tuesday, their highest "
    "close in more than a year.",
    "Arkwell has also lined up backplane capacity with a Taiwanese foundry for the panels, after "
    "Harrow met the foundry's chairman in Hsinchu in March.",
]

HTTP_DATE = "Sat, 22 Mar 2025 01:15:09 GMT"


def build():
    out = []
    info = (
        "software: tiegraph examples make_warc.py\r\n"
        "format: WARC File Format 1.1\r\n"
        "conformsTo: https://iipc.github.io/warc-specifications/"
        "specifications/warc-format/warc-1.1/\r\n"
        "description: Example crawl for tiegraph; "
        "every person, company and outlet is fictional.\r\n"
        "robots: obey\r\n"
    ).encode("utf-8")
    out.append(warc_record("warcinfo", "warcinfo", "2025-04-16T00:00:00Z", info,
                           "application/warc-fields", extra=[("WARC-Filename", "news.warc.gz")]))

    uri1 = "https://www.northorejournal.ca/news/2025/03/05/maple-crest-bomin-pdac-toronto"
    request = (
        "GET /news/2025/03/05/maple-crest-bomin-pdac-toronto HTTP/1.1\r\n"
        "Host: www.northorejournal.ca\r\n"
        "User-Agent: tiegraph-example-crawler/1.0\r\n"
        "Accept: text/html,application/xhtml+xml\r\n"
        "Accept-Language: en-US,en;q=0.8,ko;q=0.6\r\n"
        "Connection: close\r\n\r\n"
    ).encode("ascii")
    out.append(warc_record("request", "request-1", "2025-04-16T00:01:10Z", request,
                           "application/http; msgtype=request", uri=uri1,
                           extra=[("WARC-Concurrent-To", record_id("response-1"))]))

    pages = [
        ("response-1", uri1, "2025-04-16T00:01:11Z",
         page("en", "Maple Crest's Gallagher meets Bomin's Eom at PDAC as nickel talks advance",
              "North Ore Journal", "2025-03-05T08:00:00-05:00", "By Claire Dubreuil",
              MAPLE_CREST, ["Mining", "Metals", "Energy", "Markets"],
              "© 2025 North Ore Journal Inc., 120 Adelaide St. W, Toronto. All rights reserved.")),
        ("response-2", "https://www.driveeconomy.co.kr/news/articleView.html?idxno=31877",
         "2025-04-16T00:02:40Z",
         page("ko", "제갈승우 동백모빌리티 회장, 테슬라인 CEO와 화성공장 동행…이틀 연속 회동",
              "드라이브경제", "2025-03-21T16:20:00+09:00", "표하린 기자 harin@driveeconomy.co.kr",
              DONGBAEK_KO, ["자동차", "모빌리티", "부품", "정책"],
              "드라이브경제 · 서울특별시 용산구 한강대로 95 · 무단 전재 및 재배포 금지")),
        ("response-4", "https://www.displaysupplyweekly.com/articles/cheongsol-arkwell-supply-deal",
         "2025-04-16T00:04:02Z",
         page("en", "Cheongsol Display signs microdisplay supply deal with Arkwell",
              "Display Supply Weekly", "2025-04-15T09:30:00+09:00", "By Hannah Lowry",
              CHEONGSOL_DEAL, ["Panels", "Materials", "Equipment", "Data"],
              "Display Supply Weekly · Subscriptions · Privacy · © 2025 DSW Media")),
    ]
    for name, uri, date, body in pages[:2]:
        block = http_response(body.encode("utf-8"), "text/html; charset=utf-8", HTTP_DATE)
        out.append(warc_record("response", name, date, block, "application/http; msgtype=response",
                               uri=uri, extra=[("WARC-IP-Address", "198.51.100.23")]))

    png = http_response(tiny_png(), "image/png", HTTP_DATE)
    out.append(warc_record("response", "response-3", "2025-04-16T00:03:05Z", png,
                           "application/http; msgtype=response",
                           uri="https://www.driveeconomy.co.kr/news/photo/202503/31877_1.png",
                           extra=[("WARC-IP-Address", "198.51.100.23")]))

    name, uri, date, body = pages[2]
    block = http_response(body.encode("utf-8"), "text/html; charset=utf-8", HTTP_DATE)
    out.append(warc_record("response", name, date, block, "application/http; msgtype=response",
                           uri=uri, extra=[("WARC-IP-Address", "203.0.113.77")]))

    api = (b'{"article_id": 31877, "comments": 12, "likes": 48, '
           b'"related": [31790, 31802, 31855]}\n')
    out.append(warc_record("response", "response-5", "2025-04-16T00:04:30Z",
                           http_response(api, "application/json", HTTP_DATE),
                           "application/http; msgtype=response",
                           uri="https://www.driveeconomy.co.kr/api/article/31877/stats"))
    return b"".join(out)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "news.warc.gz")
    data = build()
    with open(path, "wb") as f:
        f.write(data)
    print("wrote %s (%d bytes)" % (path, len(data)))


if __name__ == "__main__":
    main()
