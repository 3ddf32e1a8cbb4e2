#include "text/text_meta.h"

#include <array>
#include <cctype>
#include <optional>

#include "core/utf8.h"
#include "text/dates.h"
#include "text/line_stats.h"

namespace tg::text {
namespace {

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

std::string_view Trim(std::string_view s) {
  s = TrimLine(s);
  while (!s.empty() && (s.front() == ':' || s.front() == '-' || s.front() == '|')) {
    s = TrimLine(s.substr(1));
  }
  while (!s.empty() && (s.back() == ',' || s.back() == '.' || s.back() == ':' ||
                        s.back() == '|' || s.back() == '-')) {
    s = TrimLine(s.substr(0, s.size() - 1));
  }
  return s;
}

// Cuts `s` at the first of `stops` (case-insensitive on ASCII).
std::string_view CutAtFirst(std::string_view s, std::initializer_list<std::string_view> stops) {
  const std::string lower = AsciiLower(s);
  size_t cut = s.size();
  for (std::string_view stop : stops) {
    const size_t at = lower.find(stop);
    if (at != std::string::npos && at < cut) cut = at;
  }
  return s.substr(0, cut);
}

// title.rfind(sep), but testing the first byte before comparing (rfind
// compares the whole needle at every position).
size_t RFind(std::string_view s, std::string_view needle) {
  if (needle.empty() || needle.size() > s.size()) return s.rfind(needle);
  for (size_t i = s.size() - needle.size() + 1; i-- > 0;) {
    if (s[i] == needle[0] && s.compare(i, needle.size(), needle) == 0) return i;
  }
  return std::string_view::npos;
}

bool HasLetter(std::string_view s) {
  const LineShape shape = AnalyzeLine(s);
  return shape.letters() > 0;
}

int LabelRank(DateLabel label) {
  switch (label) {
    case DateLabel::kPublished: return 0;
    case DateLabel::kDateline: return 1;
    case DateLabel::kNone: return 2;
    case DateLabel::kUpdated: return 3;
  }
  return 3;
}

// Keeps the best published date over several lines: labelled forms first,
// then datelines, then bare dates, then "updated"; earlier lines win ties.
class DatePicker {
 public:
  void Offer(std::string_view line, bool labelled_only) {
    std::optional<FoundDate> found = FindPublishedDate(line);
    if (!found || found->date.size() != 10 || found->date[0] == '-') return;
    // ("Last updated ..." counts too: a live page may print no other date.)
    if (labelled_only && found->label == DateLabel::kNone) {
      return;
    }
    if (!best_ || LabelRank(found->label) < LabelRank(best_->label)) best_ = std::move(found);
  }
  bool found() const { return best_.has_value(); }
  void Fill(DocumentMeta* meta) const {
    if (!best_ || !meta->published.empty()) return;
    meta->published = best_->date;
    if (meta->published_time.empty()) meta->published_time = best_->time;
  }

 private:
  std::optional<FoundDate> best_;
};

bool IsFooterLine(std::string_view folded) {
  const LineShape shape = AnalyzeLine(folded);
  return ClassifyFurniture(folded, shape) != Furniture::kNone && !LooksLikeDateLine(folded, shape);
}

}  // namespace

std::string ReporterFromLine(std::string_view folded) {
  // Drop e-mail addresses and bracketed e-mails first.
  std::string text;
  size_t pos = 0;
  while (pos < folded.size()) {
    size_t end = folded.find(' ', pos);
    if (end == std::string_view::npos) end = folded.size();
    const std::string_view word = folded.substr(pos, end - pos);
    pos = end + 1;
    if (word.find('@') != std::string_view::npos) continue;
    if (!text.empty()) text.push_back(' ');
    text.append(word);
  }
  std::string_view s = TrimLine(text);
  const std::string lower = AsciiLower(s);
  // Korean: the word just before 기자.
  static constexpr std::string_view kReporter = "\xEA\xB8\xB0\xEC\x9E\x90";
  for (size_t at = s.find(kReporter); at != std::string_view::npos;
       at = s.find(kReporter, at + 1)) {
    std::string_view before = TrimLine(s.substr(0, at));
    const size_t space = before.find_last_of(" [(=");
    const std::string_view name = space == std::string_view::npos ? before : before.substr(space + 1);
    const size_t syllables = CountCodePoints(name);
    if (syllables >= 2 && syllables <= 4) {
      size_t p = 0;
      bool hangul = true;
      // Decode every code point: a short-circuited decode never advanced `p`
      // and looped forever on a name such as "IT" or "K팝".
      while (p < name.size()) {
        const char32_t cp = NextCodePoint(name, &p);
        hangul = hangul && IsHangul(cp);
      }
      if (hangul) return std::string(name);
    }
  }
  if (StartsWith(lower, "by ")) {
    std::string_view rest = s.substr(3);
    rest = CutAtFirst(rest, {"|", "[", ",", " / ", "(", " - "});
    rest = Trim(rest);
    return HasLetter(rest) ? std::string(rest) : std::string();
  }
  if (lower.find("reporter") != std::string::npos ||
      lower.find("correspondent") != std::string::npos ||
      lower.find("writer") != std::string::npos) {
    const size_t comma = s.find(',');
    if (comma != std::string_view::npos) return std::string(Trim(s.substr(0, comma)));
    return std::string();
  }
  return std::string();
}

std::string OutletFromCopyright(std::string_view folded) {
  const std::string lower = AsciiLower(folded);
  static constexpr std::array<std::string_view, 6> kMarkers = {
      "\xEC\xA0\x80\xEC\x9E\x91\xEA\xB6\x8C\xEC\x9E\x90" /* 저작권자 */, "copyright",
      "\xC2\xA9", "\xE2\x93\x92", "(c)", "all content"};
  size_t start = std::string::npos;
  for (std::string_view m : kMarkers) {
    const size_t at = lower.find(m);
    if (at != std::string::npos && (start == std::string::npos || at < start)) {
      start = at + m.size();
    }
  }
  if (start == std::string::npos) return std::string();
  std::string_view rest = std::string_view(folded).substr(start);
  // Skip further markers, years and punctuation: "(c) 2024 ", "© ".
  bool changed = true;
  while (changed) {
    changed = false;
    rest = TrimLine(rest);
    for (std::string_view m : {std::string_view("\xC2\xA9"), std::string_view("\xE2\x93\x92"),
                               std::string_view("(c)"), std::string_view("(C)"),
                               std::string_view(":"), std::string_view("<"),
                               std::string_view("[")}) {
      if (StartsWith(rest, m)) {
        rest.remove_prefix(m.size());
        changed = true;
      }
    }
    size_t digits = 0;
    while (digits < rest.size() && (std::isdigit(static_cast<unsigned char>(rest[digits])) ||
                                    rest[digits] == '-')) {
      ++digits;
    }
    if (digits >= 4) {
      rest.remove_prefix(digits);
      changed = true;
    }
  }
  rest = CutAtFirst(rest, {". ", ",", "|", "<", ">", "]", "(www", "all rights", " - ",
                           "\xEB\xAC\xB4\xEB\x8B\xA8" /* 무단 */});
  rest = Trim(rest);
  if (rest.size() > 60 || !HasLetter(rest)) return std::string();
  return std::string(rest);
}

std::string OutletFromAgencyTag(std::string_view folded) {
  folded = TrimLine(folded);
  if (folded.size() < 2 || folded.front() != '/' || folded.find(' ') != std::string_view::npos) {
    return std::string();
  }
  if (CountCodePoints(folded) > 20) return std::string();
  return std::string(folded.substr(1));
}

bool SplitTitleOutlet(std::string_view title, std::string* headline, std::string* outlet) {
  for (std::string_view sep : {std::string_view(" | "), std::string_view(" - "),
                               std::string_view(" \xE2\x80\x93 "), std::string_view(" :: ")}) {
    // Only the suffix form "Headline | Outlet": in "Samsung - Apple rivalry heats up" a
    // leading name is part of the headline.
    const size_t at = RFind(title, sep);
    if (at == std::string_view::npos) continue;
    const std::string_view head = TrimLine(title.substr(0, at));
    const std::string_view name = TrimLine(title.substr(at + sep.size()));
    const size_t name_cp = CountCodePoints(name);
    if (name_cp == 0 || name_cp > 40 || AnalyzeLine(name).words > 6) continue;
    if (CountCodePoints(head) < 2 * name_cp) continue;
    *headline = std::string(head);
    *outlet = std::string(name);
    return true;
  }
  return false;
}

DocumentMeta ReadCaptureMeta(const CaptureCleaning& page) {
  DocumentMeta meta;
  const std::vector<CaptureLine>& lines = page.lines;
  if (page.headline >= 0) {
    const std::string_view title = lines[page.headline].text;
    std::string head;
    std::string outlet;
    if (page.title_bar < 0 && SplitTitleOutlet(title, &head, &outlet)) {
      meta.title = head;
      meta.outlet = outlet;
    } else {
      meta.title = std::string(title);
    }
  }
  if (page.title_bar >= 0 && !page.title_bar_outlet.empty()) meta.outlet = page.title_bar_outlet;

  // Byline, outlet from copyright lines and agency tags.
  std::string agency;
  std::string copyright_outlet;
  for (const CaptureLine& line : lines) {
    if (line.role == LineRole::kStory || line.role == LineRole::kRepeat) continue;
    if (meta.byline.empty() &&
        (LooksLikeByline(LineRef{line.text, line.lower, &line.shape}) || line.shape.has_email)) {
      meta.byline = ReporterFromLine(line.text);
    }
    if (agency.empty()) agency = OutletFromAgencyTag(line.text);
    // A copyright notice names the outlet only in the page's footer; above
    // the story a "©" is a photo credit ("© Some Company").
    if (copyright_outlet.empty() && line.role == LineRole::kMeta && line.zone == LineZone::kTail) {
      copyright_outlet = OutletFromCopyright(line.text);
    }
  }
  if (meta.outlet.empty()) meta.outlet = !copyright_outlet.empty() ? copyright_outlet : agency;

  // Published date: the lines above the body, then the first body lines
  // (datelines), then labelled dates below the body that are not footers
  // (a footer's registration or copyright date is never the story's).
  DatePicker picker;
  int body_lines = 0;
  for (const CaptureLine& line : lines) {
    if (line.zone == LineZone::kHead && line.role != LineRole::kStory) {
      picker.Offer(line.text, /*labelled_only=*/false);
    }
  }
  if (!picker.found()) {
    for (const CaptureLine& line : lines) {
      if (line.zone == LineZone::kHead && line.role == LineRole::kStory) {
        picker.Offer(line.text, /*labelled_only=*/true);
      }
      if (line.zone == LineZone::kBody && line.role == LineRole::kStory && body_lines < 3) {
        ++body_lines;
        picker.Offer(line.text, /*labelled_only=*/true);
      }
    }
  }
  if (!picker.found()) {
    for (const CaptureLine& line : lines) {
      if (line.zone == LineZone::kTail && line.role != LineRole::kStory &&
          !IsFooterLine(line.text)) {
        picker.Offer(line.text, /*labelled_only=*/true);
      }
    }
  }
  picker.Fill(&meta);
  return meta;
}

void ReadTextMeta(const std::vector<std::string>& meta_lines,
                  const std::vector<std::string>& story_blocks,
                  const std::vector<std::string>& furniture_blocks, DocumentMeta* meta) {
  if (meta->published.empty()) {
    DatePicker picker;
    for (const std::string& line : meta_lines) {
      if (!IsFooterLine(line)) picker.Offer(line, /*labelled_only=*/false);
    }
    for (size_t i = 0; i < story_blocks.size() && i < 3 && !picker.found(); ++i) {
      picker.Offer(story_blocks[i], /*labelled_only=*/true);
    }
    picker.Fill(meta);
  }
  if (meta->byline.empty()) {
    for (const std::string& line : meta_lines) {
      const LineShape shape = AnalyzeLine(line);
      if (LooksLikeByline(line, shape) || shape.has_email) {
        meta->byline = ReporterFromLine(line);
        if (!meta->byline.empty()) break;
      }
    }
  }
  if (meta->outlet.empty()) {
    for (const std::vector<std::string>* group : {&furniture_blocks, &meta_lines}) {
      for (const std::string& line : *group) {
        std::string outlet = OutletFromAgencyTag(line);
        if (outlet.empty()) {
          const LineShape shape = AnalyzeLine(line);
          if (ClassifyFurniture(line, shape) == Furniture::kMeta) outlet = OutletFromCopyright(line);
        }
        if (!outlet.empty()) {
          meta->outlet = outlet;
          break;
        }
      }
      if (!meta->outlet.empty()) break;
    }
  }
}

}  // namespace tg::text
