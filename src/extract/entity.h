#pragma once
// The entity vocabulary shared by the extract stage: types, mentions and the
// per-document entities that `tiegraph entities` prints. Plain value types.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tg::extract {

enum class EntityType : uint8_t { kPerson, kOrg, kPlace, kDate, kTime, kTitle };

// "PERSON", "ORG", "PLACE", "DATE", "TIME", "TITLE".
std::string_view EntityTypeName(EntityType type);

// Where a mention came from; several sources may agree on one span.
enum MentionSource : uint8_t {
  kFromTagger = 1,   // the statistical sequence tagger
  kFromKb = 2,       // a knowledge-base name
  kFromPattern = 4,  // a business-news pattern (title + name, apposition)
  kFromCoref = 8,    // a short form resolved to an earlier full mention
};

struct Mention {
  uint32_t begin = 0;  // byte span in the clean text (particles excluded)
  uint32_t end = 0;
  EntityType type = EntityType::kPerson;
  uint8_t sources = 0;     // MentionSource bits
  float score = 0;         // confidence in [0, 1]
  std::string kb_id;       // knowledge-base id when the KB knows it, else empty
  std::string normalized;  // DATE/TIME: ISO value or hint ("2024-06-11", "2024-06", "--06-11")
};

// One entity of a document: all its mentions, resolved within the document.
struct DocEntity {
  EntityType type = EntityType::kPerson;
  std::string name;       // canonical (longest full) name as written in the document
  std::string kb_id;      // when known to the knowledge base
  std::string name_en;    // English form when known (KB or the document itself)
  std::string name_ko;    // Korean form when known
  std::string title;      // persons: role as the text gives it ("CEO", "회장")
  std::string org;        // persons: organisation as the text gives it
  std::vector<Mention> mentions;
};

}  // namespace tg::extract
