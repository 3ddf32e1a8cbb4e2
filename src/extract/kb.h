#pragma once
// The bundled bilingual knowledge base (data/kb/*.tsv): organisations and
// groups with English and Korean names and abbreviations, their leaders with
// titles, countries, cities and business places with Korean forms. Loaded
// once, then immutable: share one `const KnowledgeBase` across threads.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "extract/entity.h"
#include "text/tokenize.h"

namespace tg::extract {

struct KbEntry {
  std::string id;  // stable slug, e.g. "samsung-electronics", "lee-jae-yong", "palo-alto"
  EntityType type = EntityType::kOrg;
  std::string name_en;
  std::string name_ko;
  std::vector<std::string> aliases;  // other surface forms, any language
  std::string org;                   // persons: id of the organisation they lead
  std::string title;                 // persons: title in English ("Executive Chairman")
  std::string kind;                  // places: country, region, city, site; orgs: company, group, government ...
  std::string parent;                // places: id of the containing place; orgs: group id
};

struct KbMatch {
  uint32_t begin = 0;  // byte span of the matched name in the text
  uint32_t end = 0;
  const KbEntry* entry = nullptr;
};

class KnowledgeBase {
 public:
  // Loads every *.tsv in `dir` (format: data/kb/README.md). Fails with
  // kNotFound when `dir` is missing and kCorrupt naming file:line on a bad row.
  static Result<std::shared_ptr<const KnowledgeBase>> Load(const std::string& dir);
  // The data/kb directory: $TIEGRAPH_DATA/kb when set, else the one next to
  // the executable (../data/kb from build/), else the source tree's.
  static std::string DefaultDir();

  const KbEntry* Find(std::string_view id) const;
  const std::vector<KbEntry>& entries() const;

  // Every occurrence of a KB name or alias in `text`, longest match first and
  // non-overlapping, aligned to token boundaries of `analysis` (a Korean name
  // may be followed by a particle token). Case-sensitive for names written
  // with capitals, so "Apple" the company is not matched in "apple".
  std::vector<KbMatch> Match(std::string_view text, const text::Analysis& analysis) const;

  ~KnowledgeBase();

 private:
  KnowledgeBase();
  struct Index;
  std::vector<KbEntry> entries_;
  std::unique_ptr<Index> index_;
};

}  // namespace tg::extract
