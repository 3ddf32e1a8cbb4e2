#include "extract/entities.h"

#include <algorithm>
#include <filesystem>
#include <utility>

#include "core/utf8.h"
#include "extract/coref.h"
#include "extract/given_names.h"
#include "extract/patterns.h"
#include "extract/mention_rules.h"
#include "extract/name_finders.h"
#include "extract/org_context.h"
#include "extract/titles.h"

namespace tg::extract {
namespace {

// Priority when two sources claim overlapping spans: the knowledge base knows
// the name, a pattern saw its role, the tagger guessed.
int Priority(const Mention& m) {
  if (m.sources & kFromKb) return 3;
  if (m.sources & kFromPattern) return 2;
  return 1;
}

// The code point starting at byte `at` of `text` (0 past the end).
char32_t CodePointAt(std::string_view text, size_t at) {
  return at < text.size() ? NextCodePoint(text, &at) : 0;
}
bool IsHanChar(char32_t cp) { return cp >= 0x4E00 && cp <= 0x9FFF; }  // CJK unified ideographs

// Keeps a non-overlapping set, higher priority first, then longer spans.
// Identical spans merge their sources.
std::vector<Mention> Resolve(std::vector<Mention> candidates) {
  std::sort(candidates.begin(), candidates.end(), [](const Mention& a, const Mention& b) {
    if (Priority(a) != Priority(b)) return Priority(a) > Priority(b);
    if (a.end - a.begin != b.end - b.begin) return a.end - a.begin > b.end - b.begin;
    return a.begin < b.begin;
  });
  std::vector<Mention> kept;
  for (Mention& m : candidates) {
    bool clash = false;
    for (Mention& k : kept) {
      if (m.begin < k.end && k.begin < m.end) {
        if (m.begin == k.begin && m.end == k.end && m.type == k.type) k.sources |= m.sources;
        clash = true;
        break;
      }
    }
    if (!clash) kept.push_back(std::move(m));
  }
  std::sort(kept.begin(), kept.end(),
            [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  return kept;
}

// Korean news introduces a person with a role (홍길동 회장, 홍길동 씨,
// 홍길동(45)). A one-word "person" only the tagger saw, never with a title,
// organisation or such a marker, is most often a noun that looks like a name
// (추진선, 정도경영): it is dropped.
void DropUnsupportedKoreanPersons(std::string_view text, std::vector<DocEntity>* entities) {
  const auto unsupported = [&](const DocEntity& e) {
    if (e.type != EntityType::kPerson || !e.title.empty() || !e.org.empty() || !e.kb_id.empty() ||
        e.name.find(' ') != std::string::npos || !IsHangul(CodePointAt(e.name, 0))) {
      return false;
    }
    for (const Mention& m : e.mentions) {
      if (m.sources != kFromTagger) return false;
      size_t after = m.end;
      while (after < text.size() && text[after] == ' ') ++after;
      if (text.substr(after, 3) == "씨" || text.substr(after, 1) == "(") return false;
    }
    return true;
  };
  entities->erase(std::remove_if(entities->begin(), entities->end(), unsupported), entities->end());
}

std::string ModelPath(const std::string& models_dir, const char* lang) {
  return (std::filesystem::path(models_dir) / (std::string("ner-") + lang + ".bin")).string();
}

}  // namespace

CivilDate ParseCivilDate(std::string_view iso) {
  CivilDate d;
  auto number = [&](size_t pos, size_t len) {
    int v = 0;
    if (iso.size() < pos + len) return -1;
    for (size_t i = pos; i < pos + len; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return -1;
      v = v * 10 + (iso[i] - '0');
    }
    return v;
  };
  const int year = number(0, 4);
  if (year <= 0) return d;
  d.year = year;
  if (iso.size() >= 7 && iso[4] == '-') {
    const int month = number(5, 2);
    if (month >= 1 && month <= 12) d.month = month;
  }
  if (d.month != 0 && iso.size() >= 10 && iso[7] == '-') {
    const int day = number(8, 2);
    if (day >= 1 && day <= 31) d.day = day;
  }
  return d;
}

Result<std::unique_ptr<EntityExtractor>> EntityExtractor::Create(const ExtractorOptions& options) {
  std::unique_ptr<EntityExtractor> extractor(new EntityExtractor());
  const std::string kb_dir = options.data_dir.empty()
                                 ? KnowledgeBase::DefaultDir()
                                 : (std::filesystem::path(options.data_dir) / "kb").string();
  TG_ASSIGN_OR_RETURN(extractor->kb_, KnowledgeBase::Load(kb_dir));
  const std::string models_dir = options.data_dir.empty()
                                     ? Tagger::DefaultDir()
                                     : (std::filesystem::path(options.data_dir) / "models").string();
  for (const char* lang : {"en", "ko"}) {
    Result<std::unique_ptr<const Tagger>> tagger = Tagger::Load(ModelPath(models_dir, lang));
    if (!tagger.has_value()) {
      if (options.require_models) return tagger.error();
      continue;
    }
    (std::string_view(lang) == "en" ? extractor->tagger_en_ : extractor->tagger_ko_) =
        std::move(tagger).value();
  }
  return extractor;
}

DocumentEntities EntityExtractor::Extract(std::string_view text, std::string_view lang,
                                          const CivilDate& published) const {
  DocumentEntities doc;
  doc.analysis = text::Analyze(text);

  std::vector<Mention> candidates;
  const std::vector<KbMatch> kb_matches = kb_->Match(text, doc.analysis);
  for (const KbMatch& match : kb_matches) {
    Mention m;
    m.begin = match.begin;
    m.end = match.end;
    m.type = match.entry->type;
    m.sources = kFromKb;
    m.score = 1.0f;
    m.kb_id = match.entry->id;
    candidates.push_back(std::move(m));
  }
  const Tagger* tagger = lang == "ko" ? tagger_ko_.get() : tagger_en_.get();
  if (tagger != nullptr) {
    std::vector<Mention> tagged = tagger->Tag(text, doc.analysis, kb_.get(), &kb_matches);
    if (lang == "ko") ExtendHangulForeignNames(text, doc.analysis, &tagged);
    RepairTaggerMentions(text, doc.analysis, &tagged);
    for (Mention& m : tagged) candidates.push_back(std::move(m));
  }
  std::vector<Mention> mentions = Resolve(candidates);

  // Role patterns may name people the tagger missed and tie them to titles
  // and organisations.
  std::vector<RoleMatch> roles = FindRolePatterns(text, doc.analysis, mentions);
  bool added = false;
  for (const RoleMatch& r : roles) {
    if (!r.person.empty()) {
      // Full names, and the surname of a short form ("Chairman Park"), which
      // the coreference step resolves.
      Mention m;
      m.begin = r.person.begin;
      m.end = r.person.end;
      m.type = EntityType::kPerson;
      m.sources = kFromPattern;
      m.score = r.form == RoleForm::kFull ? 0.9f : 0.7f;
      candidates.push_back(std::move(m));
      added = true;
    }
    if (!r.org.empty()) {
      Mention m;
      m.begin = r.org.begin;
      m.end = r.org.end;
      m.type = EntityType::kOrg;
      m.sources = kFromPattern;
      m.score = 0.7f;
      candidates.push_back(std::move(m));
      added = true;
    }
  }
  {
    const size_t before = mentions.size();
    FindRomanizedKoreanNames(text, doc.analysis, &mentions);
    FindParticleNames(text, doc.analysis, &mentions);
    FindGivenNameNames(text, doc.analysis, &mentions);
    if (mentions.size() != before) {
      candidates.insert(candidates.end(), mentions.begin() + before, mentions.end());
      added = true;
    }
  }
  for (const Span& org : FindOrgContexts(text, doc.analysis)) {
    Mention m;
    m.begin = org.begin;
    m.end = org.end;
    m.type = EntityType::kOrg;
    m.sources = kFromPattern;
    m.score = 0.7f;
    candidates.push_back(std::move(m));
    added = true;
  }
  if (lang == "ko") {
    const size_t before = mentions.size();
    FindKoreanForeignNames(text, doc.analysis, &mentions);
    FindGluedTitleNames(text, doc.analysis, &mentions);
    if (mentions.size() != before) {
      candidates.insert(candidates.end(), mentions.begin() + before, mentions.end());
      added = true;
    }
  }
  if (added) mentions = Resolve(std::move(candidates));

  // Organisation spans as the sources gave them, before the retyping below.
  std::vector<std::pair<uint32_t, uint32_t>> orgs_before;
  for (const Mention& m : mentions) {
    if (m.type == EntityType::kOrg) orgs_before.emplace_back(m.begin, m.end);
  }

  // One spelling, one type: a tagger-only mention whose spelling the KB or a
  // pattern saw as an organisation elsewhere in the document is that organisation.
  std::vector<std::string_view> org_spellings;
  for (const Mention& m : mentions) {
    if (m.type == EntityType::kOrg && m.sources != kFromTagger) {
      org_spellings.push_back(text.substr(m.begin, m.end - m.begin));
    }
  }
  // A one-word "person" that begins an organisation's name in the same text is
  // that organisation's short form ("벨로라 CEO" beside 벨로라테라퓨틱스,
  // "Veltrane CEO" beside Veltrane Systems).
  for (Mention& m : mentions) {
    if (m.type != EntityType::kPerson || m.kb_id.size() > 0) continue;
    const std::string_view word = text.substr(m.begin, m.end - m.begin);
    if (word.size() < 6 || word.find(' ') != std::string_view::npos) continue;
    for (std::string_view org : org_spellings) {
      if (org.size() > word.size() && org.substr(0, word.size()) == word &&
          (IsHangul(CodePointAt(word, 0)) || org[word.size()] == ' ')) {
        m.type = EntityType::kOrg;
        break;
      }
    }
  }
  // The other way round: a tagger "organisation" spelled like a person the
  // text names elsewhere, led by a known given name, is that person (a
  // headline's "Nadia Kowalczyk on taking Brightwell to Asia").
  std::vector<std::string_view> person_spellings;
  for (const Mention& m : mentions) {
    if (m.type == EntityType::kPerson) person_spellings.push_back(text.substr(m.begin, m.end - m.begin));
  }
  // So is a tagger organisation or place shaped like a given name and a
  // surname ("Quincy Lattimore's trip": Quincy is also a town).
  for (Mention& m : mentions) {
    if (m.sources != kFromTagger || (m.type != EntityType::kOrg && m.type != EntityType::kPlace)) continue;
    const std::string_view surface = text.substr(m.begin, m.end - m.begin);
    const size_t space = surface.find(' ');
    const bool named_elsewhere =
        space != std::string_view::npos && IsKnownGivenName(surface.substr(0, space)) &&
        std::find(person_spellings.begin(), person_spellings.end(), surface) != person_spellings.end();
    if (named_elsewhere || LooksLikeGivenNameLedPerson(surface)) m.type = EntityType::kPerson;
  }
  // A tagger "person" of several words whose first word is such an
  // organisation's whole spelling is that organisation's longer name
  // ("슈탈베르크 로봇" beside 슈탈베르크, "Zephyr Motion" beside Zephyr).
  for (Mention& m : mentions) {
    if (m.sources != kFromTagger || m.type == EntityType::kOrg) continue;
    const std::string_view surface = text.substr(m.begin, m.end - m.begin);
    const size_t space = surface.find(' ');
    const bool whole = std::find(org_spellings.begin(), org_spellings.end(), surface) !=
                       org_spellings.end();
    const bool led = m.type == EntityType::kPerson && space != std::string_view::npos &&
                     std::find(org_spellings.begin(), org_spellings.end(),
                               surface.substr(0, space)) != org_spellings.end();
    if (whole || led) m.type = EntityType::kOrg;
  }

  // Headline shorthand glued before a name (獨토마스 베커: "German Thomas
  // Becker"): one Han character before Hangul is a country, not the name.
  // When only one word is left and a title follows, that word is the
  // company (美 벨트레인 CEO: "the US company Veltrane's CEO").
  for (Mention& m : mentions) {
    if (m.type != EntityType::kPerson || m.end - m.begin <= 6 ||
        !IsHanChar(CodePointAt(text, m.begin))) {
      continue;
    }
    const uint32_t rest = text[m.begin + 3] == ' ' ? m.begin + 4 : m.begin + 3;
    if (!IsHangul(CodePointAt(text, rest))) continue;
    m.begin = rest;
    const std::string_view name = text.substr(m.begin, m.end - m.begin);
    const size_t after = m.end < text.size() && text[m.end] == ' ' ? m.end + 1 : m.end;
    if (name.find(' ') == std::string_view::npos && LookupTitle(text, after).length > 0) {
      m.type = EntityType::kOrg;
    }
  }

  // One sense per discourse: where a confirmed organisation's spelling occurs
  // again with no mention on it (a headline the tagger skipped), it is that
  // organisation there too.
  std::sort(org_spellings.begin(), org_spellings.end());
  org_spellings.erase(std::unique(org_spellings.begin(), org_spellings.end()), org_spellings.end());
  // Longer spellings first, so "Corvane Display" is not claimed as "Corvane".
  std::stable_sort(org_spellings.begin(), org_spellings.end(),
                   [](std::string_view a, std::string_view b) { return a.size() > b.size(); });
  const size_t found_before = mentions.size();
  for (std::string_view org : org_spellings) {
    if (org.size() < 4) continue;
    for (size_t at = text.find(org); at != std::string_view::npos; at = text.find(org, at + 1)) {
      const auto begin = static_cast<uint32_t>(at);
      const auto end = static_cast<uint32_t>(at + org.size());
      if (text::TokenStartingAt(doc.analysis.tokens, begin) < 0 ||
          text::TokenEndingAt(doc.analysis.tokens, end) < 0) {
        continue;
      }
      bool covered = false;
      for (const Mention& m : mentions) covered |= m.begin < end && begin < m.end;
      if (covered) continue;
      Mention m;
      m.begin = begin;
      m.end = end;
      m.type = EntityType::kOrg;
      m.sources = kFromPattern;
      m.score = 0.6f;
      mentions.push_back(m);
    }
  }
  if (mentions.size() != found_before) {
    std::stable_sort(mentions.begin(), mentions.end(),
                     [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  }

  // An organisation new or retyped right before a title changes what the
  // role patterns read there ("Lac Hong Minerals CEO"): read them again.
  bool retyped_before_title = false;
  for (const Mention& m : mentions) {
    if (m.type != EntityType::kOrg ||
        std::find(orgs_before.begin(), orgs_before.end(), std::make_pair(m.begin, m.end)) !=
            orgs_before.end()) {
      continue;
    }
    const size_t after = m.end < text.size() && text[m.end] == ' ' ? m.end + 1 : m.end;
    retyped_before_title |= LookupTitle(text, after).length > 0;
  }
  if (retyped_before_title) roles = FindRolePatterns(text, doc.analysis, mentions);

  doc.entities = ResolveEntities(text, doc.analysis, mentions, roles, kb_.get());
  if (lang == "ko") DropUnsupportedKoreanPersons(text, &doc.entities);

  doc.times = FindTimeExpressions(text, published);
  for (const TimeExpression& t : doc.times) {
    DocEntity e;
    e.type = EntityType::kDate;
    e.name = std::string(text.substr(t.begin, t.end - t.begin));
    Mention m;
    m.begin = t.begin;
    m.end = t.end;
    m.type = EntityType::kDate;
    m.sources = kFromPattern;
    m.score = t.approximate ? 0.6f : 0.9f;
    m.normalized = t.Iso();
    e.mentions.push_back(std::move(m));
    doc.entities.push_back(std::move(e));
  }
  return doc;
}

}  // namespace tg::extract
