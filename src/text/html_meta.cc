#include "text/html_meta.h"

#include <exception>
#include <map>

#include <nlohmann/json.hpp>

#include "core/utf8.h"

namespace tg::text {
namespace {

using Json = nlohmann::json;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string Trim(std::string_view s) {
  size_t b = 0;
  size_t e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r')) {
    --e;
  }
  return std::string(s.substr(b, e - b));
}

std::string MetaValue(const MarkupFacts& facts, std::string_view key) {
  for (const auto& [k, v] : facts.metas) {
    if (k == key && !Trim(v).empty()) return Trim(v);
  }
  return "";
}

bool LooksLikeUrl(std::string_view s) {
  return s.find("://") != std::string_view::npos || s.substr(0, 1) == "/" ||
         s.find("www.") != std::string_view::npos;
}

// ---------------------------------------------------------------------------
// JSON-LD.

struct JsonLdFacts {
  std::string date_published;
  std::string headline;
  std::string author;
  std::string publisher;
};

bool IsArticleType(const Json& type) {
  auto one = [](const Json& t) {
    if (!t.is_string()) return false;
    const std::string& s = t.get_ref<const std::string&>();
    auto ends = [&](std::string_view suf) {
      return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
    };
    return ends("Article") || ends("BlogPosting") || s == "Report";
  };
  if (type.is_array()) {
    for (const Json& t : type) {
      if (one(t)) return true;
    }
    return false;
  }
  return one(type);
}

std::string StringField(const Json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end()) return "";
  if (it->is_string()) return Trim(it->get_ref<const std::string&>());
  if (it->is_array() && !it->empty() && (*it)[0].is_string()) {
    return Trim((*it)[0].get_ref<const std::string&>());
  }
  return "";
}

// The "name" of a Person/Organization given inline, as a string, as an array,
// or as an {"@id"} reference into the same document's @graph.
std::string NameOf(const Json& v, const std::map<std::string, const Json*>& ids) {
  if (v.is_string()) return Trim(v.get_ref<const std::string&>());
  if (v.is_array()) {
    std::string out;
    for (const Json& item : v) {
      std::string name = NameOf(item.is_array() ? Json() : item, ids);
      if (name.empty()) continue;
      if (!out.empty()) out += ", ";
      out += name;
    }
    return out;
  }
  if (!v.is_object()) return "";
  std::string name = StringField(v, "name");
  if (!name.empty()) return name;
  std::string id = StringField(v, "@id");
  auto it = ids.find(id);
  if (!id.empty() && it != ids.end() && it->second != &v) {
    return StringField(*it->second, "name");
  }
  return "";
}

void ReadJsonLd(std::string_view body, JsonLdFacts* out) {
  // Pages wrap the JSON in comments or CDATA and leave raw newlines inside strings.
  std::string text(body);
  for (std::string_view junk : {"<!--", "-->", "//<![CDATA[", "//]]>", "<![CDATA[", "]]>"}) {
    for (size_t p; (p = text.find(junk)) != std::string::npos;) text.replace(p, junk.size(), " ");
  }
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  try {
    Json root = Json::parse(text, nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
    if (root.is_discarded()) return;
    // Flatten top-level arrays and @graph lists (two levels are enough in practice).
    std::vector<const Json*> objects;
    std::vector<const Json*> pending = {&root};
    for (int level = 0; level < 3 && !pending.empty(); ++level) {
      std::vector<const Json*> next;
      for (const Json* j : pending) {
        if (j->is_array()) {
          for (const Json& item : *j) next.push_back(&item);
        } else if (j->is_object()) {
          objects.push_back(j);
          auto graph = j->find("@graph");
          if (graph != j->end()) next.push_back(&*graph);
        }
      }
      pending = std::move(next);
    }
    std::map<std::string, const Json*> ids;
    for (const Json* o : objects) {
      std::string id = StringField(*o, "@id");
      if (!id.empty()) ids.emplace(id, o);
    }
    // Article-typed objects first, then anything that carries the field.
    for (int pass = 0; pass < 2; ++pass) {
      for (const Json* o : objects) {
        auto type = o->find("@type");
        const bool article = type != o->end() && IsArticleType(*type);
        if ((pass == 0) != article) continue;
        if (out->date_published.empty()) out->date_published = StringField(*o, "datePublished");
        if (!article) continue;
        if (out->headline.empty()) out->headline = StringField(*o, "headline");
        if (out->author.empty() && o->contains("author")) out->author = NameOf((*o)["author"], ids);
        if (out->publisher.empty() && o->contains("publisher")) {
          out->publisher = NameOf((*o)["publisher"], ids);
        }
      }
    }
  } catch (const std::exception&) {
    // A malformed block is ignored; other sources of metadata remain.
  }
}

std::optional<FoundDate> DateFromValue(std::string_view value) {
  if (value.empty()) return std::nullopt;
  if (std::optional<FoundDate> d = ParseDate(value)) return d;
  return FindPublishedDate(value);
}

std::string LangCode(std::string_view attr) {
  std::string code;
  for (char c : attr) {
    if (c == '-' || c == '_') break;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c >= 'a' && c <= 'z') code.push_back(c);
  }
  if (code.empty()) return "";
  if (code == "en") return "en";
  if (code == "ko" || code == "kr" || code == "kor") return "ko";
  return "other";
}

bool IsCapitalisedWord(std::string_view w) {
  return !w.empty() && w[0] >= 'A' && w[0] <= 'Z';
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) words.push_back(s.substr(i, j - i));
    i = j;
  }
  return words;
}

bool AllHangul(std::string_view w) {
  if (w.empty()) return false;
  size_t pos = 0;
  while (pos < w.size()) {
    if (!IsHangul(NextCodePoint(w, &pos))) return false;
  }
  return true;
}

// s.rfind(needle), testing the first byte before comparing (std::rfind
// compares the whole needle at every position).
size_t RFind(std::string_view s, std::string_view needle) {
  if (needle.empty() || needle.size() > s.size()) return s.rfind(needle);
  for (size_t i = s.size() - needle.size() + 1; i-- > 0;) {
    if (s[i] == needle[0] && s.compare(i, needle.size(), needle) == 0) return i;
  }
  return std::string_view::npos;
}

}  // namespace

std::string SplitTitleSuffix(std::string_view title, std::string* site) {
  site->clear();
  std::string t = Trim(title);
  size_t best = std::string::npos;
  size_t best_len = 0;
  for (std::string_view sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " : ", " :: ",
                               " \xC2\xB7 ", " \xEF\xBD\x9C ", " < "}) {
    const size_t p = RFind(t, sep);
    if (p != std::string::npos && (best == std::string::npos || p > best)) {
      best = p;
      best_len = sep.size();
    }
  }
  if (best == std::string::npos) return t;
  std::string suffix = Trim(t.substr(best + best_len));
  std::string prefix = Trim(t.substr(0, best));
  if (suffix.empty() || suffix.size() > 60 || Words(suffix).size() > 6 ||
      prefix.size() < suffix.size()) {
    return t;
  }
  // "Headline < Section < 기사본문 - Site": the headline is before the first " < ".
  const size_t crumb = prefix.find(" < ");
  if (crumb != std::string::npos && crumb > 0) prefix = Trim(prefix.substr(0, crumb));
  *site = suffix;
  return prefix;
}

std::optional<FoundDate> DateFromUrl(std::string_view url) {
  const size_t scheme = url.find("://");
  size_t path_begin = scheme == std::string_view::npos ? 0 : url.find('/', scheme + 3);
  if (path_begin == std::string_view::npos) return std::nullopt;
  std::string_view path = url.substr(path_begin);
  path = path.substr(0, path.find_first_of("?#"));
  std::vector<std::string_view> segs;
  size_t i = 0;
  while (i < path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    if (j > i) segs.push_back(path.substr(i, j - i));
    i = j + 1;
  }
  auto digits = [](std::string_view s, size_t lo, size_t hi) {
    if (s.size() < lo || s.size() > hi) return false;
    for (char c : s) {
      if (!IsDigit(c)) return false;
    }
    return true;
  };
  for (size_t k = 0; k < segs.size(); ++k) {
    if (k + 2 < segs.size() && digits(segs[k], 4, 4) && digits(segs[k + 1], 1, 2) &&
        digits(segs[k + 2], 1, 2)) {
      std::string s = std::string(segs[k]) + "-" + std::string(segs[k + 1]) + "-" +
                      std::string(segs[k + 2]);
      if (segs[k + 1].size() == 1) s.insert(5, "0");
      if (segs[k + 2].size() == 1) s.insert(s.size() - 1, "0");
      if (std::optional<FoundDate> d = ParseDate(s)) return d;
    }
    if (digits(segs[k], 8, 8)) {
      if (std::optional<FoundDate> d = ParseDate(segs[k])) return d;
    }
    if (segs[k].size() >= 10 && digits(segs[k].substr(0, 4), 4, 4) && segs[k][4] == '-' &&
        (segs[k].size() == 10 || segs[k][10] == '-' || segs[k][10] == '_')) {
      if (std::optional<FoundDate> d = ParseDate(segs[k].substr(0, 10))) return d;
    }
  }
  return std::nullopt;
}

std::string CleanByline(std::string_view text) {
  std::string s = Trim(text);
  // Cut at the first separator: the rest is a section, a date or tools.
  for (std::string_view sep : {"|", " \xC2\xB7 ", "\xE2\x80\xA2", " / "}) {
    const size_t p = s.find(sep);
    if (p != std::string::npos && p > 0) s = Trim(s.substr(0, p));
  }
  std::vector<std::string_view> words = Words(s);
  std::vector<std::string_view> kept;
  for (std::string_view w : words) {
    if (w.find('@') == std::string_view::npos) kept.push_back(w);
  }
  // Korean: the name is the word before "기자" (or "특파원", "논설위원").
  for (size_t k = 1; k < kept.size(); ++k) {
    if (kept[k] == "기자" || kept[k] == "특파원" || kept[k] == "논설위원" || kept[k] == "객원기자") {
      return AllHangul(kept[k - 1]) ? std::string(kept[k - 1]) : "";
    }
  }
  size_t start = 0;
  if (!kept.empty() && (kept[0] == "By" || kept[0] == "by" || kept[0] == "BY")) start = 1;
  std::string out;
  size_t n = 0;
  for (size_t k = start; k < kept.size() && n < 5; ++k, ++n) {
    std::string_view w = kept[k];
    const bool joiner = w == "and" || w == "de" || w == "van" || w == "von" || w == "al";
    if (!IsCapitalisedWord(w) && !joiner && !AllHangul(w)) break;
    // Stop where a date starts ("By Ann Lee August 24, 2023").
    const size_t offset = static_cast<size_t>(w.data() - s.data());
    std::optional<FoundDate> d = FindPublishedDate(std::string_view(s).substr(offset));
    if (d && d->begin == 0) break;
    const bool last = w.back() == ',';  // "By Jane Doe, Staff Writer"
    if (last) w.remove_suffix(1);
    if (!out.empty()) out += " ";
    out += w;
    if (last) break;
  }
  if (start == 1 || kept.size() <= 5) return out.size() <= 80 ? out : "";
  return "";
}

std::string BylineFromLine(std::string_view line) {
  std::vector<std::string_view> words = Words(line);
  for (size_t k = 0; k < words.size(); ++k) {
    if ((words[k] == "By" || words[k] == "by") && k + 1 < words.size() &&
        IsCapitalisedWord(words[k + 1])) {
      return CleanByline(line.substr(words[k].data() - line.data()));
    }
    if (k > 0 && words[k] == "기자" && AllHangul(words[k - 1]) &&
        CountCodePoints(words[k - 1]) >= 2 && CountCodePoints(words[k - 1]) <= 4) {
      return std::string(words[k - 1]);
    }
  }
  return "";
}

DocumentMeta BuildMarkupMeta(const MarkupFacts& facts) {
  DocumentMeta meta;
  JsonLdFacts ld;
  for (const std::string& body : facts.json_ld) ReadJsonLd(body, &ld);

  std::string title_site;
  const std::string clean_title = SplitTitleSuffix(facts.title, &title_site);

  meta.title = MetaValue(facts, "og:title");
  if (meta.title.empty()) meta.title = facts.headline;
  if (meta.title.empty()) meta.title = MetaValue(facts, "twitter:title");
  if (meta.title.empty()) meta.title = ld.headline;
  if (meta.title.empty()) meta.title = clean_title;

  meta.outlet = MetaValue(facts, "og:site_name");
  if (meta.outlet.empty()) meta.outlet = ld.publisher;
  if (meta.outlet.empty()) meta.outlet = MetaValue(facts, "application-name");
  if (meta.outlet.empty()) meta.outlet = title_site;

  for (std::string_view key : {"author", "article:author", "byl", "dc.creator", "sailthru.author",
                               "parsely-author"}) {
    std::string v = MetaValue(facts, key);
    if (!v.empty() && !LooksLikeUrl(v)) {
      meta.byline = key == "author" || key == "article:author" ? v : CleanByline(v);
      break;
    }
  }
  if (meta.byline.empty()) meta.byline = ld.author;
  if (meta.byline.empty() && !facts.byline.empty()) meta.byline = CleanByline(facts.byline);
  for (size_t i = 0; meta.byline.empty() && i < facts.meta_lines.size(); ++i) {
    meta.byline = BylineFromLine(facts.meta_lines[i]);
  }

  std::optional<FoundDate> published;
  for (std::string_view key :
       {"article:published_time", "og:published_time", "og:article:published_time",
        "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "date",
        "dc.date", "dc.date.issued", "dcterms.issued", "dcterms.created", "sailthru.date",
        "parsely-pub-date", "article.published", "article_date_original",
        "originalpublicationdate"}) {
    published = DateFromValue(MetaValue(facts, key));
    if (published) break;
  }
  if (!published) published = DateFromValue(Trim(facts.itemprop_date));
  if (!published) published = DateFromValue(ld.date_published);
  if (!published) published = DateFromValue(Trim(facts.time_datetime));

  meta.url = facts.canonical;
  if (meta.url.empty()) meta.url = MetaValue(facts, "og:url");
  if (!published && !meta.url.empty()) published = DateFromUrl(meta.url);
  if (published && published->date.size() == 10) {
    meta.published = published->date;
    meta.published_time = published->time;
  }
  meta.lang = LangCode(facts.html_lang);
  return meta;
}

}  // namespace tg::text
