#include "query/names.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <utility>

#include "core/utf8.h"
#include "query/query_internal.h"
#include "extract/titles.h"
#include "query/graph_index.h"
#include "query/json.h"

namespace tg::query {
namespace {

// Characters a name may carry or drop without becoming another name.
bool IsNameSeparator(char32_t cp) {
  if (cp < 0x80) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
           cp == '-' || cp == '.' || cp == '\'' || cp == ',' || cp == '`' || cp == '_';
  }
  switch (cp) {
    case '-': case '.': case '\'': case ',': case '`': case '_':
    case 0x00B7:  // middle dot
    case 0x2018: case 0x2019:  // curly apostrophes
    case 0x30FB: case 0xFF65:  // katakana middle dots
      return true;
    default:
      return u_isUWhiteSpace(static_cast<UChar32>(cp)) ||
             u_charType(static_cast<UChar32>(cp)) == U_DASH_PUNCTUATION;
  }
}

const icu::Normalizer2* Nfkc() {
  static const icu::Normalizer2* nfkc = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return nfkc;
}

std::vector<std::string_view> SplitWords(std::string_view text) {
  std::vector<std::string_view> words;
  size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
    size_t end = pos;
    while (end < text.size() && text[end] != ' ' && text[end] != '\t') ++end;
    if (end > pos) words.push_back(text.substr(pos, end - pos));
    pos = end;
  }
  return words;
}

// Byte length of the first `n` code points of `text` (all of it when shorter).
size_t PrefixBytes(std::string_view text, size_t n) {
  size_t pos = 0;
  for (size_t i = 0; i < n && pos < text.size(); ++i) NextCodePoint(text, &pos);
  return pos;
}

// The Korean surname of a Hangul name: "이재용" -> "이", "남궁민수" -> "남궁",
// "이 재용" -> "이", "젠슨 황" -> "황" (a foreign name: the last word).
std::string_view HangulSurname(std::string_view name) {
  std::vector<std::string_view> words = SplitWords(name);
  if (words.empty()) return {};
  if (words.size() > 1) {
    return extract::IsKoreanSurname(words.front()) ? words.front() : words.back();
  }
  const std::string_view w = words.front();
  const size_t n = CountCodePoints(w);
  if (n >= 4 && extract::IsKoreanSurname(w.substr(0, PrefixBytes(w, 2)))) {
    return w.substr(0, PrefixBytes(w, 2));
  }
  if (n >= 2 && n <= 4 && extract::IsKoreanSurname(w.substr(0, PrefixBytes(w, 1)))) {
    return w.substr(0, PrefixBytes(w, 1));
  }
  return {};
}

// Surnames of a Latin-script name. Korean names are written surname first
// ("Lee Jae-yong") or last ("Jae-yong Lee"): the unhyphenated end beside a
// hyphenated given name, which marks a romanised Korean name even when no
// Hangul form is known. Other names end with the surname ("Jensen Huang").
std::vector<std::string_view> LatinSurnames(std::string_view name, bool korean) {
  std::vector<std::string_view> words = SplitWords(name);
  while (words.size() > 2 && (words.back() == "Jr." || words.back() == "Jr" ||
                              words.back() == "II" || words.back() == "III")) {
    words.pop_back();
  }
  if (words.size() < 2) return {};
  const bool first_hyphen = words.front().find('-') != std::string_view::npos;
  const bool last_hyphen = words.back().find('-') != std::string_view::npos;
  if (first_hyphen && !last_hyphen) return {words.back()};
  if (last_hyphen && !first_hyphen && words.size() == 2) return {words.front()};
  return {korean ? words.front() : words.back()};
}

// Role words mapped to one concept whatever the language, so "Chairman Lee"
// fits an entity whose title is 회장. Facts, not a lexicon of names.
constexpr std::array<std::pair<std::string_view, std::string_view>, 40> kTitleConcepts = {{
    {"chairman", "chair"}, {"chairwoman", "chair"}, {"chairperson", "chair"}, {"chair", "chair"},
    {"회장", "chair"}, {"의장", "chair"}, {"이사회의장", "chair"},
    {"vicechairman", "vicechair"}, {"부회장", "vicechair"},
    {"honorarychairman", "honorary"}, {"명예회장", "honorary"},
    {"ceo", "ceo"}, {"chiefexecutive", "ceo"}, {"chiefexecutiveofficer", "ceo"}, {"대표", "ceo"},
    {"대표이사", "ceo"}, {"최고경영자", "ceo"},
    {"president", "president"}, {"사장", "president"}, {"대통령", "president"},
    {"executivevicepresident", "evp"}, {"부사장", "evp"},
    {"primeminister", "pm"}, {"총리", "pm"}, {"minister", "minister"}, {"장관", "minister"},
    {"founder", "founder"}, {"cofounder", "founder"}, {"창업자", "founder"}, {"창업주", "founder"},
    {"governor", "governor"}, {"지사", "governor"}, {"mayor", "mayor"}, {"시장", "mayor"},
    {"ambassador", "ambassador"}, {"대사", "ambassador"}, {"secretary", "secretary"},
    {"chancellor", "chancellor"}, {"cto", "cto"}, {"cfo", "cfo"},
}};

// The concept of a title: an exact entry, else the longest entry it ends
// with ("executivechairman" -> chair); else the normalised title itself.
std::string TitleConcept(std::string_view title) {
  const std::string key = NormalizeName(title);
  std::string_view best;
  size_t best_len = 0;
  for (const auto& [word, concept_name] : kTitleConcepts) {
    if (key == word) return std::string(concept_name);
    if (key.size() > word.size() && word.size() > best_len && key.ends_with(word)) {
      best = concept_name;
      best_len = word.size();
    }
  }
  return best_len > 0 ? std::string(best) : key;
}

// Honorifics that are not roles but may precede a name.
bool IsHonorific(std::string_view word) {
  for (std::string_view h : {"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "mr", "ms"}) {
    if (word == h) return true;
  }
  return false;
}

// A name with a role before or after it: "Chairman Lee", "Lee Jae-yong
// chairman", "이 회장", "이회장", "Mr. Huang". Empty title when there is none.
struct TitledName {
  std::string_view title;
  std::string_view rest;
};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool WholeTitle(std::string_view text) {
  return !text.empty() && extract::LookupTitle(text, 0).length == text.size();
}

TitledName SplitTitle(std::string_view name) {
  const std::vector<std::string_view> words = SplitWords(name);
  if (words.size() >= 2) {
    // Leading: a title (possibly several words) ending on a word boundary.
    size_t lead = 0;
    if (IsHonorific(words.front())) {
      lead = words.front().size();
    } else {
      lead = extract::LookupTitle(name, 0).length;
    }
    if (lead > 0 && lead < name.size() && (name[lead] == ' ' || name[lead] == '\t')) {
      return {name.substr(0, lead), Trim(name.substr(lead))};
    }
    // Trailing: the last word alone is a title ("이 회장", "Huang CEO").
    const std::string_view last = words.back();
    if (WholeTitle(last)) {
      const size_t cut = static_cast<size_t>(last.data() - name.data());
      return {last, Trim(name.substr(0, cut))};
    }
  } else if (words.size() == 1 && HasHangul(words.front())) {
    // Glued: a Korean title written onto the name ("이회장", "정의선회장").
    const std::string_view w = words.front();
    const size_t n = CountCodePoints(w);
    for (size_t k = 1; k < n; ++k) {
      const size_t cut = PrefixBytes(w, k);
      if (WholeTitle(w.substr(cut))) return {w.substr(cut), w.substr(0, cut)};
    }
  }
  return {{}, name};
}

void Union(std::vector<uint32_t>* into, const std::vector<uint32_t>& more) {
  into->insert(into->end(), more.begin(), more.end());
  std::sort(into->begin(), into->end());
  into->erase(std::unique(into->begin(), into->end()), into->end());
}

}  // namespace

std::string NormalizeName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  const bool ascii = std::all_of(name.begin(), name.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) {
    for (char c : name) {
      if (IsNameSeparator(static_cast<unsigned char>(c))) continue;
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return out;
  }
  // Hangul syllables are unchanged by NFKC and case folding: names made of
  // them and ASCII (nearly all) skip ICU.
  bool simple = true;
  for (size_t pos = 0; pos < name.size() && simple;) {
    const char32_t cp = NextCodePoint(name, &pos);
    simple = cp < 0x80 || (cp >= 0xAC00 && cp <= 0xD7A3);
  }
  if (simple) {
    for (size_t pos = 0; pos < name.size();) {
      char32_t cp = NextCodePoint(name, &pos);
      if (cp < 0x80 && IsNameSeparator(cp)) continue;
      if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
      AppendUtf8(cp, &out);
    }
    return out;
  }
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  if (const icu::Normalizer2* nfkc = Nfkc(); nfkc != nullptr) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString normalized = nfkc->normalize(text, status);
    if (U_SUCCESS(status)) text = std::move(normalized);
  }
  text.foldCase();
  std::string folded;
  text.toUTF8String(folded);
  for (size_t pos = 0; pos < folded.size();) {
    const char32_t cp = NextCodePoint(folded, &pos);
    if (!IsNameSeparator(cp)) AppendUtf8(cp, &out);
  }
  return out;
}

void NameIndex::Postings::Add(std::string key, uint32_t pos) {
  if (key.empty()) return;
  const uint32_t link = static_cast<uint32_t>(links.size());
  auto [it, added] = ends.try_emplace(std::move(key), link, link);
  if (!added) {
    if (links[it->second.second].pos == pos) return;  // positions come in ascending order
    links[it->second.second].next = link;
    it->second.second = link;
  }
  links.push_back(Link{pos, kNoIndex});
}

std::vector<uint32_t> NameIndex::Postings::Get(const std::string& key) const {
  std::vector<uint32_t> out;
  auto it = ends.find(key);
  if (it == ends.end()) return out;
  for (uint32_t l = it->second.first; l != kNoIndex; l = links[l].next) out.push_back(links[l].pos);
  return out;
}

NameIndex::NameIndex(const std::vector<store::GraphEntity>& entities) : entities_(entities) {
  full_.ends.reserve(entities.size() * 3);
  full_.links.reserve(entities.size() * 3);
  for (uint32_t i = 0; i < entities.size(); ++i) {
    const store::GraphEntity& e = entities[i];
    // The same spelling often recurs (name, name_en, an alias): normalise it once.
    std::vector<std::string_view> forms = {e.name, e.name_en, e.name_ko, e.kb_id, e.key};
    forms.insert(forms.end(), e.aliases.begin(), e.aliases.end());
    std::sort(forms.begin(), forms.end());
    forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
    for (std::string_view form : forms) {
      if (!form.empty()) full_.Add(NormalizeName(form), i);
    }
    if (e.type != "PERSON") continue;
    std::string_view ko = !e.name_ko.empty() ? std::string_view(e.name_ko)
                          : HasHangul(e.name) ? std::string_view(e.name)
                                              : std::string_view();
    const std::string_view ko_surname = HangulSurname(ko);
    if (!ko_surname.empty()) surname_.Add(NormalizeName(ko_surname), i);
    const bool korean = !ko_surname.empty() && extract::IsKoreanSurname(ko_surname);
    const std::string_view en = !e.name_en.empty() ? std::string_view(e.name_en)
                                : !HasHangul(e.name) ? std::string_view(e.name)
                                                     : std::string_view();
    for (std::string_view s : LatinSurnames(en, korean)) surname_.Add(NormalizeName(s), i);
  }
}

std::vector<uint32_t> NameIndex::Exact(std::string_view normalized) const {
  return full_.Get(std::string(normalized));
}

std::vector<uint32_t> NameIndex::Filter(const std::vector<uint32_t>& positions,
                                        EntityKind kind) const {
  std::vector<uint32_t> out;
  for (uint32_t p : positions) {
    const std::string& type = entities_[p].type;
    if (kind == EntityKind::kAny || (kind == EntityKind::kPerson && type == "PERSON") ||
        (kind == EntityKind::kOrg && type == "ORG")) {
      out.push_back(p);
    }
  }
  return out;
}

Resolution NameIndex::Resolve(std::string_view name, EntityKind kind) const {
  Resolution result;
  name = Trim(name);
  const std::string key = NormalizeName(name);
  if (key.empty()) return result;
  std::vector<uint32_t> found = Filter(full_.Get(key), kind);
  std::string how = "name";
  std::string_view title;
  std::string_view rest = name;
  const bool one_word = SplitWords(name).size() == 1;
  if (found.empty() || one_word) {
    // A short form: the name behind a title, or a surname alone. Every entity
    // it fits joins the candidates, so a surname alias never hides the others.
    TitledName split = SplitTitle(name);
    title = IsHonorific(split.title) ? std::string_view() : split.title;  // "Mr." is no role
    rest = split.rest;
    const std::string rest_key = NormalizeName(rest);
    const EntityKind person = kind == EntityKind::kOrg ? kind : EntityKind::kPerson;
    std::vector<uint32_t> by_name = split.title.empty()
                                        ? std::vector<uint32_t>()
                                        : Filter(full_.Get(rest_key), person);
    if (!by_name.empty()) {
      found = by_name;
      how = "title+name";
    } else if (SplitWords(rest).size() == 1 && kind != EntityKind::kOrg) {
      std::vector<uint32_t> by_surname = surname_.Get(rest_key);
      if (!by_surname.empty()) {
        Union(&found, by_surname);
        how = title.empty() ? "surname" : "title+surname";
      }
    }
  }
  if (found.empty()) return result;

  // A given title narrows the candidates to those whose title fits, if any do.
  bool title_fits = title.empty();
  if (!title.empty()) {
    const std::string want = TitleConcept(title);
    std::vector<uint32_t> fitting;
    for (uint32_t p : found) {
      if (!entities_[p].title.empty() && TitleConcept(entities_[p].title) == want) {
        fitting.push_back(p);
      }
    }
    if (!fitting.empty()) {
      found = std::move(fitting);
      title_fits = true;
    } else if (found.size() == 1 && entities_[found.front()].title.empty()) {
      title_fits = true;  // no title known for the one candidate: nothing contradicts
    }
  }
  std::sort(found.begin(), found.end(), [&](uint32_t a, uint32_t b) {
    if (entities_[a].docs != entities_[b].docs) return entities_[a].docs > entities_[b].docs;
    return entities_[a].id < entities_[b].id;
  });
  result.how = how;
  if (found.size() == 1 && title_fits) {
    result.status = ResolveStatus::kFound;
    result.entity = entities_[found.front()].id;
    return result;
  }
  result.status = ResolveStatus::kAmbiguous;
  for (uint32_t p : found) result.candidates.push_back(entities_[p].id);
  return result;
}

Result<int64_t> ResolveOne(const GraphIndex& index, std::string_view name, EntityKind kind) {
  const Resolution r = index.names().Resolve(name, kind);
  switch (r.status) {
    case ResolveStatus::kFound:
      return r.entity;
    case ResolveStatus::kNotFound:
      return Status::NotFound("no ",
                              kind == EntityKind::kOrg      ? "organisation"
                              : kind == EntityKind::kPerson ? "person"
                                                            : "person or organisation",
                              " named \"", name, "\"");
    case ResolveStatus::kAmbiguous:
      break;
  }
  std::string list;
  for (int64_t id : r.candidates) {
    const store::GraphEntity* e = index.FindEntity(id);
    if (!list.empty()) list += "; ";
    list += DisplayName(*e) + " (id " + std::to_string(id) + ")";
  }
  return Status::InvalidArgument("\"", name, "\" is ambiguous: ", list);
}

}  // namespace tg::query
