#pragma once
// The entity layer of one document: tokens and sentences (text/tokenize.h),
// knowledge-base names (kb.h), the statistical tagger (tagger.h), title and
// apposition patterns (patterns.h), time expressions (timex.h), combined so
// each helps where the others are weak, then resolved within the document
// (coref.h): every later mention ("Chairman Lee", "Lee", "이 회장", "the Meta
// chief", "he") points at its full entity. An EntityExtractor is immutable
// after Create and may be shared by threads.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "extract/entity.h"
#include "extract/kb.h"
#include "extract/tagger.h"
#include "extract/timex.h"
#include "text/tokenize.h"

namespace tg::extract {

struct ExtractorOptions {
  std::string data_dir;        // holds kb/ and models/; empty = the default data directory
  bool require_models = false; // fail when a tagger model is missing (else KB + patterns only)
};

struct DocumentEntities {
  text::Analysis analysis;
  std::vector<DocEntity> entities;  // persons first, then orgs, places, dates; in order of first mention
  std::vector<TimeExpression> times;
  // For each person entity (index into `entities`), the indexes of the
  // mentions that the coreference step resolved (short forms, pronouns).
};

class EntityExtractor {
 public:
  // Loads the knowledge base and the taggers. Without models (and
  // require_models false) the extractor runs on the KB and patterns alone.
  static Result<std::unique_ptr<EntityExtractor>> Create(const ExtractorOptions& options = {});

  // `lang` is "en", "ko" or other (tagged with the English model); `published`
  // anchors relative dates (may be invalid).
  DocumentEntities Extract(std::string_view text, std::string_view lang,
                           const CivilDate& published) const;

  const KnowledgeBase* kb() const { return kb_.get(); }

 private:
  EntityExtractor() = default;
  std::shared_ptr<const KnowledgeBase> kb_;
  std::unique_ptr<const Tagger> tagger_en_;
  std::unique_ptr<const Tagger> tagger_ko_;
};

// Parses "YYYY-MM-DD" (or a prefix) into a CivilDate; invalid when empty or malformed.
CivilDate ParseCivilDate(std::string_view iso);

}  // namespace tg::extract
