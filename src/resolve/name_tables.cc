#include "resolve/name_tables.h"

#include <algorithm>
#include <fstream>
#include <numeric>
#include <string>

#include "core/utf8.h"
#include "text/line_stats.h"

namespace tg::resolve::names {
namespace {

std::vector<std::string_view> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    const size_t at = s.find(sep, start);
    out.push_back(
        s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) return out;
    start = at + 1;
  }
}

// Calls `row(fields, line_number)` for each data row of a TSV file: blank
// lines, '#' comments and the header (first row whose first field is `header`)
// are skipped.
template <typename RowFn>
Status ForEachRow(const std::string& path, std::string_view header, RowFn row) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot open ", path);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> fields = SplitOn(line, '\t');
    if (fields[0] == header) continue;
    Status status = row(fields, number);
    if (!status.ok()) return Status::Corrupt(path, ":", number, ": ", status.message());
  }
  return Status::Ok();
}

bool ParseCost(std::string_view s, float* out) {
  if (s == "-") {
    *out = -1;
    return true;
  }
  try {
    size_t used = 0;
    *out = std::stof(std::string(s), &used);
    return used == s.size() && *out >= 0 && *out <= 1;
  } catch (...) {
    return false;
  }
}

// Vowel index of a compatibility jamo vowel (ㅏ..ㅣ), or -1.
int VowelIndex(std::string_view jamo) {
  size_t pos = 0;
  if (jamo.empty()) return -1;
  const char32_t cp = NextCodePoint(jamo, &pos);
  if (pos != jamo.size() || cp < 0x314F || cp > 0x3163) return -1;
  return static_cast<int>(cp - 0x314F);
}

// Vowels that differ only by a y- or w- glide (ㅏ/ㅑ, ㅓ/ㅕ, ㅗ/ㅛ, ㅜ/ㅠ, ㅐ/ㅒ, ㅔ/ㅖ):
// the second syllable of 사티아/사티야 is the same sound written two ways.
bool GlideOnly(int a, int b) {
  static constexpr int kPairs[][2] = {{0, 2}, {4, 6}, {8, 12}, {13, 17}, {1, 3}, {5, 7}};
  for (const auto& p : kPairs) {
    if ((a == p[0] && b == p[1]) || (a == p[1] && b == p[0])) return true;
  }
  return false;
}

}  // namespace

int VowelLetterCode(char c) {
  switch (c) {
    case 'a':
      return 1;
    case 'e':
      return 2;
    case 'i':
      return 3;
    case 'o':
      return 4;
    case 'u':
      return 5;
    case 'y':
      return 6;
    case 'w':
      return 7;
    default:
      return 0;
  }
}

int SpellingCode(std::string_view letters) {
  if (letters.empty() || letters.size() > kMaxSpelling) return -1;
  int code = 0;
  int scale = 1;
  for (char c : letters) {
    const int v = VowelLetterCode(c);
    if (v == 0) return -1;
    code += v * scale;
    scale *= 8;
  }
  return code;
}

Result<std::shared_ptr<const NameTables>> NameTables::Load(const std::string& data_dir) {
  std::shared_ptr<NameTables> t(new NameTables());
  const std::string lex = data_dir + "/lexicon/";
  TG_RETURN_IF_ERROR(t->LoadVowels(lex + "ko-romanization/vowels.tsv"));
  TG_RETURN_IF_ERROR(t->LoadSurnames(lex + "ko-surnames/surnames_romanization.tsv"));
  TG_RETURN_IF_ERROR(t->LoadOrgWords(lex + "ko-romanization/org_words.tsv"));
  t->Derive();
  return std::shared_ptr<const NameTables>(std::move(t));
}

Status NameTables::LoadVowels(const std::string& path) {
  struct Row {
    int vowel;
    int spelling;
    float roman, trans;
  };
  std::vector<Row> rows;
  spelling_of_code_.fill(-1);
  auto intern = [&](std::string_view s) {
    const int code = SpellingCode(s);
    if (spelling_of_code_[code] < 0) {
      spelling_of_code_[code] = static_cast<int16_t>(spellings_.size());
      spellings_.emplace_back(s);
    }
    return static_cast<int>(spelling_of_code_[code]);
  };
  // Every single letter has an id, so any vowel run can be costed letter by letter.
  for (char c : std::string_view("aeiouyw")) intern(std::string_view(&c, 1));
  TG_RETURN_IF_ERROR(ForEachRow(path, "hangul", [&](const auto& f, int) -> Status {
    if (f.size() != 4) return Status::Corrupt("expected 4 columns");
    const int vowel = VowelIndex(f[0]);
    if (vowel < 0) return Status::Corrupt("not a Hangul vowel: ", f[0]);
    if (SpellingCode(f[1]) < 0) return Status::Corrupt("not a vowel spelling: ", f[1]);
    Row row{vowel, intern(f[1]), 0, 0};
    if (!ParseCost(f[2], &row.roman) || !ParseCost(f[3], &row.trans) || row.trans < 0) {
      return Status::Corrupt("bad cost");
    }
    rows.push_back(row);
    return Status::Ok();
  }));
  const size_t n = spellings_.size();
  roman_.assign(kHangulVowels * n, kRomanMiss);
  trans_.assign(kHangulVowels * n, kTransMiss);
  for (const Row& r : rows) {
    if (r.roman >= 0) roman_[r.vowel * n + r.spelling] = r.roman;
    trans_[r.vowel * n + r.spelling] = std::min(r.trans, r.roman >= 0 ? r.roman : 1.0f);
  }
  return Status::Ok();
}

void NameTables::Derive() {
  open_penalty_.assign(kHangulVowels * spellings_.size(), 0.0f);
  static constexpr std::pair<int, std::string_view> kOpenOnly[] = {
      {4, "u"}, {4, "ou"}, {6, "yu"}, {6, "you"}, {kVowelEu, "u"}};
  for (const auto& [v, s] : kOpenOnly) {
    const int id = SpellingId(SpellingCode(s));
    if (id >= 0) open_penalty_[v * spellings_.size() + id] = 0.8f;
  }
  // Two Latin spellings are as close as the Hangul vowel both can write.
  const size_t n = spellings_.size();
  ll_roman_.assign(n * n, kRomanMiss);
  ll_trans_.assign(n * n, kTransMiss);
  for (size_t a = 0; a < n; ++a) {
    for (size_t b = 0; b < n; ++b) {
      float r = a == b ? 0.0f : kRomanMiss;
      float t = a == b ? 0.0f : kTransMiss;
      for (int v = 0; v < kHangulVowels; ++v) {
        r = std::min(r, roman_[v * n + a] + roman_[v * n + b]);
        t = std::min(t, trans_[v * n + a] + trans_[v * n + b]);
      }
      ll_roman_[a * n + b] = r;
      ll_trans_[a * n + b] = t;
    }
  }
  // Two Hangul vowels are as close as the Latin spelling both can stand for.
  for (int v1 = 0; v1 < kHangulVowels; ++v1) {
    for (int v2 = 0; v2 < kHangulVowels; ++v2) {
      float c = v1 == v2 ? 0.0f : 0.7f;
      if (GlideOnly(v1, v2)) c = std::min(c, 0.2f);
      for (size_t l = 0; l < n && v1 != v2; ++l)
        c = std::min(c, trans_[v1 * n + l] + trans_[v2 * n + l]);
      hh_[v1][v2] = c;
    }
  }
}

Status NameTables::LoadSurnames(const std::string& path) {
  TG_RETURN_IF_ERROR(ForEachRow(path, "hangul", [&](const auto& f, int) -> Status {
    if (f.size() < 5) return Status::Corrupt("expected at least 5 columns");
    Surname s;
    s.hangul = std::string(f[0]);
    for (std::string_view sp : SplitOn(f[4], '|')) {
      if (sp.empty()) continue;
      if (s.display.empty()) s.display = std::string(sp);
      s.spellings.push_back(text::AsciiLower(sp));
    }
    if (s.hangul.empty() || s.spellings.empty()) return Status::Corrupt("empty surname row");
    surnames_.push_back(std::move(s));
    return Status::Ok();
  }));
  // Groups: union of surnames that share a spelling.
  std::vector<int> parent(surnames_.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](int x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (size_t i = 0; i < surnames_.size(); ++i) {
    surname_by_hangul_.emplace_back(surnames_[i].hangul, static_cast<int>(i));
    for (const std::string& sp : surnames_[i].spellings) {
      surname_by_spelling_.emplace_back(sp, static_cast<int>(i));
    }
  }
  std::sort(surname_by_hangul_.begin(), surname_by_hangul_.end());
  std::sort(surname_by_spelling_.begin(), surname_by_spelling_.end());
  for (size_t i = 1; i < surname_by_spelling_.size(); ++i) {
    if (surname_by_spelling_[i].first == surname_by_spelling_[i - 1].first) {
      parent[find(surname_by_spelling_[i].second)] = find(surname_by_spelling_[i - 1].second);
    }
  }
  for (size_t i = 0; i < surnames_.size(); ++i) surnames_[i].group = find(static_cast<int>(i));
  return Status::Ok();
}

Status NameTables::LoadOrgWords(const std::string& path) {
  TG_RETURN_IF_ERROR(ForEachRow(path, "concept", [&](const auto& f, int) -> Status {
    if (f.size() != 4) return Status::Corrupt("expected 4 columns");
    if (f[1] != "weak" && f[1] != "strong") return Status::Corrupt("kind must be weak or strong");
    const int meaning = static_cast<int>(concept_names_.size());
    concept_names_.emplace_back(f[0]);
    concept_kinds_.push_back(f[1] == "weak" ? ConceptKind::kWeak : ConceptKind::kStrong);
    for (std::string_view ko : SplitOn(f[2], '|')) {
      if (!ko.empty()) korean_org_words_.push_back({meaning, std::string(ko)});
    }
    for (std::string_view en : SplitOn(f[3], '|')) {
      if (!en.empty()) english_org_words_.push_back({meaning, text::AsciiLower(en)});
    }
    return Status::Ok();
  }));
  auto longest_first = [](const OrgWord& a, const OrgWord& b) {
    return a.text.size() != b.text.size() ? a.text.size() > b.text.size() : a.text < b.text;
  };
  std::sort(korean_org_words_.begin(), korean_org_words_.end(), longest_first);
  std::sort(english_org_words_.begin(), english_org_words_.end(), longest_first);
  return Status::Ok();
}

int NameTables::FindSurname(std::string_view hangul) const {
  auto it = std::lower_bound(surname_by_hangul_.begin(), surname_by_hangul_.end(), hangul,
                             [](const auto& e, std::string_view k) { return e.first < k; });
  return it != surname_by_hangul_.end() && it->first == hangul ? it->second : -1;
}

bool NameTables::Spells(std::string_view lower, int s) const {
  auto it = std::lower_bound(surname_by_spelling_.begin(), surname_by_spelling_.end(), lower,
                             [](const auto& e, std::string_view k) { return e.first < k; });
  for (; it != surname_by_spelling_.end() && it->first == lower; ++it) {
    if (it->second == s) return true;
  }
  return false;
}

int NameTables::SpellingGroup(std::string_view lower) const {
  auto it = std::lower_bound(surname_by_spelling_.begin(), surname_by_spelling_.end(), lower,
                             [](const auto& e, std::string_view k) { return e.first < k; });
  return it != surname_by_spelling_.end() && it->first == lower ? surnames_[it->second].group : -1;
}

}  // namespace tg::resolve::names
