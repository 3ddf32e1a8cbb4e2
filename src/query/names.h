#pragma once
// Name resolution: a name as a user types it ("Lee Jae-yong", "이재용",
// "lee jaeyong", "Chairman Lee", "이 회장", an alias, a KB id) -> one
// canonical entity, or "not found", or "ambiguous" with the candidates.
// Never guesses: a form that fits several entities equally is ambiguous.
// NameIndex is built by GraphIndex and immutable afterwards; thread-safe.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/result.h"
#include "store/graph.h"

namespace tg::query {

// The key names are compared by: NFKC, lower case, without spaces, hyphens,
// dots, apostrophes and middle dots ("Lee Jae-yong" and "lee jaeyong" -> "leejaeyong").
std::string NormalizeName(std::string_view name);

enum class ResolveStatus { kFound, kNotFound, kAmbiguous };

enum class EntityKind { kAny, kPerson, kOrg };

struct Resolution {
  ResolveStatus status = ResolveStatus::kNotFound;
  int64_t entity = 0;               // kFound: the entity's store id
  std::vector<int64_t> candidates;  // kAmbiguous: every fitting entity, most documents first
  // How the name matched: "name" (full name, alias or KB id), "title+name"
  // ("Chairman Lee Jae-yong"), "title+surname" ("Chairman Lee", "이 회장"),
  // "surname" ("Lee" alone); empty when not found.
  std::string how;
};

class NameIndex {
 public:
  // `entities` must outlive the index (GraphIndex owns both).
  explicit NameIndex(const std::vector<store::GraphEntity>& entities);

  // Resolves `name` among entities of `kind`. Full names, aliases, the KB id
  // and the entity key come first; then a title before or after the name is
  // dropped ("Chairman", "회장", "CEO" ...); then a surname alone, narrowed to
  // those whose title fits the given one when a title was given. One fitting
  // entity -> kFound; several -> kAmbiguous; none -> kNotFound.
  Resolution Resolve(std::string_view name, EntityKind kind = EntityKind::kAny) const;

  // Positions of entities carrying exactly this normalised name (any kind), ascending.
  std::vector<uint32_t> Exact(std::string_view normalized) const;

 private:
  // Normalised key -> ascending entity positions, as linked lists in one
  // array (no allocation per key; most keys name one entity).
  struct Postings {
    struct Link {
      uint32_t pos;
      uint32_t next;
    };
    std::unordered_map<std::string, std::pair<uint32_t, uint32_t>> ends;  // key -> (head, tail)
    std::vector<Link> links;
    void Add(std::string key, uint32_t pos);
    std::vector<uint32_t> Get(const std::string& key) const;
  };

  std::vector<uint32_t> Filter(const std::vector<uint32_t>& positions, EntityKind kind) const;

  const std::vector<store::GraphEntity>& entities_;
  Postings full_;     // full names, aliases, KB ids, keys
  Postings surname_;  // persons' surnames
};

// Resolves `name` in `index` and turns the outcome into a Result: the entity id,
// or kNotFound ("no person or organisation named X"), or kInvalidArgument
// ("X is ambiguous: A (id 1), B (id 7)") when several fit.
class GraphIndex;
Result<int64_t> ResolveOne(const GraphIndex& index, std::string_view name,
                           EntityKind kind = EntityKind::kAny);

}  // namespace tg::query
