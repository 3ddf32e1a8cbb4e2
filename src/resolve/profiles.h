#pragma once
// Internal to src/resolve: the people and organisations of every document's
// events, grouped into profiles (one surface name with one employer) and
// clustered into canonical entities. See resolve.h for the rules. Not
// thread-safe; one EntityResolution per Resolve call.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/kb.h"
#include "resolve/names.h"
#include "resolve/resolve.h"
#include "store/graph.h"

namespace tg::resolve {

// Lowercased letters and digits of `name` (ASCII folded, other scripts kept,
// spaces, hyphens and punctuation dropped): "Lee Jae-yong" -> "leejaeyong".
std::string NormalizeName(std::string_view name);

class EntityResolution {
 public:
  EntityResolution(const NameMatcher& matcher, const extract::KnowledgeBase& kb,
                   const ResolveOptions& options);

  // Registers one occurrence of `person` in document `doc_id`; returns its
  // profile. Call for every participant, traveller and companion.
  int AddPerson(const store::EventPerson& person, int64_t doc_id);
  // Records that these profiles appear in one event (context for matching).
  void AddTogether(const std::vector<int>& profiles);

  // Clusters the profiles into entities. After it, EntityOf(profile) is the
  // index into entities() (persons first, then organisations).
  void Cluster();
  int EntityOf(int profile) const { return entity_of_[profile]; }
  std::vector<store::GraphEntity>& entities() { return entities_; }
  // Notes with entity indexes (not ids) in `entities`.
  std::vector<store::ResolutionNote>& notes() { return notes_; }

 private:
  struct Profile {
    std::string surface;  // "kb:<id>" or "name:<normalised>"
    std::string org_key;  // employer key, empty when none given
    std::string kb_id;
    std::map<std::string, int> names;   // display forms with occurrence counts
    std::map<std::string, int> titles;
    std::map<std::string, int> orgs;    // employer keys with counts
    std::string name_en, name_ko;
    std::vector<int64_t> docs;          // sorted unique after Cluster
    std::vector<int> together;          // profiles seen in the same events
  };
  struct Edge {
    double score;
    int a, b;
    std::string reason;
  };

  std::string OrgKey(std::string_view org);
  bool WeakOrg(const std::string& key) const;
  bool OrgsCompatible(const std::string& a, const std::string& b) const;
  int Find(int p);
  bool CanJoin(int ra, int rb) const;
  void Join(int ra, int rb);
  void GroupSameNames();
  std::vector<Edge> CrossNameEdges();
  void DropAmbiguous(std::vector<Edge>* edges);
  void BuildEntities();
  void AddOrgEntities();

  const NameMatcher& matcher_;
  const extract::KnowledgeBase& kb_;
  const ResolveOptions& options_;
  std::unordered_map<std::string, const extract::KbEntry*> kb_orgs_;  // normalised alias -> org
  std::unordered_map<std::string, std::string> org_display_;         // org key -> a display form
  std::vector<Profile> profiles_;
  std::unordered_map<std::string, int> profile_index_;  // surface + '\t' + org_key
  std::vector<int> parent_;                             // union-find over profiles
  std::vector<std::vector<std::string>> root_orgs_;     // per root: employer keys
  std::vector<std::string> root_kb_;                    // per root: KB id or empty
  std::vector<int> entity_of_;
  std::vector<store::GraphEntity> entities_;
  std::vector<store::ResolutionNote> notes_;
  std::vector<std::pair<int, store::ResolutionNote>> pending_notes_;  // profile -> note
};

}  // namespace tg::resolve
