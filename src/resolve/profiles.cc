#include "resolve/profiles.h"

#include <algorithm>
#include <numeric>
#include <set>
#include <tuple>
#include <unordered_set>
#include <utility>

#include "core/utf8.h"

namespace tg::resolve {
namespace {

// Blocking buckets larger than this are not compared pairwise (see CrossNameEdges).
constexpr size_t kMaxBucket = 256;

bool IsPunctuation(char32_t cp) {
  return (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
         (cp >= 0xFF00 && cp <= 0xFF0F) || cp == 0x00B7 || cp == 0x00A0;
}

bool HasHangul(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    if (IsHangul(NextCodePoint(s, &pos))) return true;
  }
  return false;
}

bool IsLatinName(std::string_view s) {
  bool letter = false;
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
    letter = letter || std::isalpha(c);
  }
  return letter;
}

// The most frequent key of `counts`; ties go to the longer, then the smaller.
std::string MostFrequent(const std::map<std::string, int>& counts,
                         bool (*accept)(std::string_view) = nullptr) {
  const std::string* best = nullptr;
  int best_count = 0;
  for (const auto& [key, count] : counts) {
    if (key.empty() || (accept != nullptr && !accept(key))) continue;
    if (best == nullptr || count > best_count ||
        (count == best_count && key.size() > best->size())) {
      best = &key;
      best_count = count;
    }
  }
  return best != nullptr ? *best : std::string();
}

template <typename T>
void SortUnique(std::vector<T>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

}  // namespace

std::string NormalizeName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  size_t pos = 0;
  while (pos < name.size()) {
    const size_t start = pos;
    const char32_t cp = NextCodePoint(name, &pos);
    if (cp < 0x80) {
      const char c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') out += static_cast<char>(c + 32);
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
    } else if (!IsPunctuation(cp)) {
      out.append(name.substr(start, pos - start));
    }
  }
  return out;
}

EntityResolution::EntityResolution(const NameMatcher& matcher, const extract::KnowledgeBase& kb,
                                   const ResolveOptions& options)
    : matcher_(matcher), kb_(kb), options_(options) {
  for (const extract::KbEntry& e : kb_.entries()) {
    if (e.type != extract::EntityType::kOrg) continue;
    for (const std::string* n : {&e.name_en, &e.name_ko}) {
      if (!n->empty()) kb_orgs_.emplace(NormalizeName(*n), &e);
    }
    for (const std::string& a : e.aliases) kb_orgs_.emplace(NormalizeName(a), &e);
  }
}

std::string EntityResolution::OrgKey(std::string_view org) {
  const std::string norm = NormalizeName(org);
  if (norm.empty()) return "";
  std::string key;
  if (auto it = kb_orgs_.find(norm); it != kb_orgs_.end()) {
    key = "kb:" + it->second->id;
    org_display_.emplace(key, !it->second->name_en.empty() ? it->second->name_en
                                                           : it->second->name_ko);
  } else {
    key = "name:" + norm;
    org_display_.emplace(key, std::string(org));
  }
  return key;
}

// An employer the extraction gives as one word outside the knowledge base
// ("Semiconductor", "ICT", "Taiwanese", "Co.", "오리슨랩스") is often a
// fragment or a nationality: too weak to tell two people apart.
bool EntityResolution::WeakOrg(const std::string& key) const {
  if (key.rfind("kb:", 0) == 0) return false;
  auto it = org_display_.find(key);
  if (it == org_display_.end()) return true;
  int words = 0;
  bool in_word = false;
  for (char c : it->second) {
    const bool space = c == ' ' || c == '-' || c == ',' || c == '.';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words < 2;
}

bool EntityResolution::OrgsCompatible(const std::string& a, const std::string& b) const {
  if (a.empty() || b.empty() || a == b || WeakOrg(a) || WeakOrg(b)) return true;
  const bool kb_a = a.rfind("kb:", 0) == 0;
  const bool kb_b = b.rfind("kb:", 0) == 0;
  if (kb_a && kb_b) {
    // Companies of one group (Samsung Electronics, Samsung Group) are one employer here.
    const extract::KbEntry* ea = kb_.Find(std::string_view(a).substr(3));
    const extract::KbEntry* eb = kb_.Find(std::string_view(b).substr(3));
    if (ea == nullptr || eb == nullptr) return false;
    const std::string& ga = ea->parent.empty() ? ea->id : ea->parent;
    const std::string& gb = eb->parent.empty() ? eb->id : eb->parent;
    return ga == gb;
  }
  const std::string_view na = std::string_view(a).substr(a.find(':') + 1);
  const std::string_view nb = std::string_view(b).substr(b.find(':') + 1);
  if (!kb_a && !kb_b && na.size() >= 2 && nb.size() >= 2 &&
      (na.rfind(nb, 0) == 0 || nb.rfind(na, 0) == 0)) {
    return true;  // "orisonlabs" / "orison"
  }
  auto da = org_display_.find(a);
  auto db = org_display_.find(b);
  if (da == org_display_.end() || db == org_display_.end()) return false;
  return matcher_.Match(da->second, db->second, "ORG").score >= kMatchThreshold;
}

int EntityResolution::AddPerson(const store::EventPerson& person, int64_t doc_id) {
  const std::string surface =
      !person.kb_id.empty() ? "kb:" + person.kb_id : "name:" + NormalizeName(person.name);
  const std::string org_key = OrgKey(person.org);
  // A KB person is one profile whatever employer a page gives; a bare name
  // gets one profile per employer, joined again below when they agree.
  const std::string index_key = surface + '\t' + (person.kb_id.empty() ? org_key : "");
  auto [it, added] = profile_index_.emplace(index_key, static_cast<int>(profiles_.size()));
  if (added) {
    Profile p;
    p.surface = surface;
    p.org_key = person.kb_id.empty() ? org_key : "";
    p.kb_id = person.kb_id;
    profiles_.push_back(std::move(p));
  }
  Profile& p = profiles_[it->second];
  ++p.names[person.name];
  if (!person.title.empty()) ++p.titles[person.title];
  if (!org_key.empty()) ++p.orgs[org_key];
  if (!person.name_en.empty()) p.name_en = person.name_en;
  if (!person.name_ko.empty()) p.name_ko = person.name_ko;
  p.docs.push_back(doc_id);
  return it->second;
}

void EntityResolution::AddTogether(const std::vector<int>& profiles) {
  if (profiles.size() > 8) return;  // a crowd says little about any two of its members
  for (int a : profiles) {
    for (int b : profiles) {
      if (a != b) profiles_[a].together.push_back(b);
    }
  }
}

int EntityResolution::Find(int p) {
  while (parent_[p] != p) {
    parent_[p] = parent_[parent_[p]];
    p = parent_[p];
  }
  return p;
}

bool EntityResolution::CanJoin(int ra, int rb) const {
  if (!root_kb_[ra].empty() && !root_kb_[rb].empty() && root_kb_[ra] != root_kb_[rb]) return false;
  for (const std::string& a : root_orgs_[ra]) {
    for (const std::string& b : root_orgs_[rb]) {
      if (!OrgsCompatible(a, b)) return false;
    }
  }
  return true;
}

void EntityResolution::Join(int ra, int rb) {
  if (ra == rb) return;
  if (rb < ra) std::swap(ra, rb);  // the smaller index stays root: order-free result
  parent_[rb] = ra;
  if (root_kb_[ra].empty()) root_kb_[ra] = root_kb_[rb];
  for (std::string& o : root_orgs_[rb]) root_orgs_[ra].push_back(std::move(o));
  SortUnique(&root_orgs_[ra]);
  root_orgs_[rb].clear();
}

// Profiles of one surface name: employers that can be one (equal, one group,
// one name a prefix of the other, or matching across scripts) join; a
// mention without employer joins the only employer group, and is ambiguous
// (reported, left apart) when there are several.
void EntityResolution::GroupSameNames() {
  std::map<std::string, std::vector<int>> by_surface;
  for (int i = 0; i < static_cast<int>(profiles_.size()); ++i) {
    by_surface[profiles_[i].surface].push_back(i);
  }
  for (auto& [surface, members] : by_surface) {
    if (members.size() < 2) continue;
    std::vector<int> with_org, without;
    for (int m : members) (profiles_[m].org_key.empty() ? without : with_org).push_back(m);
    for (size_t i = 0; i < with_org.size(); ++i) {
      for (size_t j = i + 1; j < with_org.size(); ++j) {
        const int ri = Find(with_org[i]), rj = Find(with_org[j]);
        if (ri != rj && CanJoin(ri, rj)) Join(ri, rj);
      }
    }
    std::set<int> groups;
    for (int m : with_org) groups.insert(Find(m));
    for (int m : without) {
      if (groups.size() == 1) {
        Join(Find(m), *groups.begin());
      } else if (groups.size() > 1) {
        store::ResolutionNote note;
        note.kind = "ambiguous";
        note.name = MostFrequent(profiles_[m].names);
        note.reason = "same name with " + std::to_string(groups.size()) +
                      " different organisations; no organisation given";
        for (int g : groups) note.entities.push_back(g);  // profiles, mapped later
        pending_notes_.emplace_back(m, std::move(note));
      }
    }
  }
}

std::vector<EntityResolution::Edge> EntityResolution::CrossNameEdges() {
  // Name forms per profile and blocking buckets over them.
  std::vector<std::vector<std::string>> forms(profiles_.size());
  std::unordered_map<std::string, std::vector<int>> buckets;
  for (int i = 0; i < static_cast<int>(profiles_.size()); ++i) {
    const Profile& p = profiles_[i];
    for (const auto& [name, count] : p.names) forms[i].push_back(name);
    if (!p.name_en.empty()) forms[i].push_back(p.name_en);
    if (!p.name_ko.empty()) forms[i].push_back(p.name_ko);
    SortUnique(&forms[i]);
    std::vector<std::string> keys;
    for (const std::string& f : forms[i]) {
      for (std::string& k : matcher_.BlockingKeys(f, "PERSON")) keys.push_back(std::move(k));
    }
    SortUnique(&keys);
    for (const std::string& k : keys) buckets[k].push_back(i);
  }
  std::unordered_set<uint64_t> seen;
  std::vector<Edge> edges;
  for (const auto& [key, members] : buckets) {
    // A key shared by very many names (a common surname skeleton) says too
    // little to compare them all pairwise; names in it are still compared
    // through their other, rarer keys.
    if (members.size() > kMaxBucket) continue;
    for (size_t x = 0; x < members.size(); ++x) {
      for (size_t y = x + 1; y < members.size(); ++y) {
        const int a = std::min(members[x], members[y]);
        const int b = std::max(members[x], members[y]);
        if (profiles_[a].surface == profiles_[b].surface) continue;  // GroupSameNames decided
        if (!seen.insert(static_cast<uint64_t>(a) << 32 | static_cast<uint32_t>(b)).second) {
          continue;
        }
        NameMatch best;
        for (const std::string& fa : forms[a]) {
          for (const std::string& fb : forms[b]) {
            const NameMatch m = matcher_.Match(fa, fb, "PERSON");
            if (m.score > best.score) best = m;
          }
        }
        if (best.score < kMatchThreshold) continue;
        const Profile& pa = profiles_[a];
        const Profile& pb = profiles_[b];
        if (!pa.kb_id.empty() && !pb.kb_id.empty()) continue;  // two KB people
        double score = best.score;
        std::string reason = best.method == MatchMethod::kRomanization    ? "romanisation"
                             : best.method == MatchMethod::kTranscription ? "transcription"
                             : best.method == MatchMethod::kVariant       ? "spelling variant"
                                                                          : "same name";
        if (!pa.org_key.empty() && !pb.org_key.empty()) {
          if (!OrgsCompatible(pa.org_key, pb.org_key)) continue;
          if (pa.org_key == pb.org_key || (!WeakOrg(pa.org_key) && !WeakOrg(pb.org_key))) {
            score += 0.05;
            reason += " + organisation";
          }
        }
        for (int t : pa.together) {
          if (std::binary_search(pb.together.begin(), pb.together.end(), t)) {  // sorted in Cluster
            score += 0.05;
            reason += " + met the same person";
            break;
          }
        }
        edges.push_back({score, a, b, std::move(reason)});
      }
    }
  }
  std::sort(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) {
    return std::tie(y.score, x.a, x.b) < std::tie(x.score, y.a, y.b);
  });
  return edges;
}

// A profile whose two best candidates score within the margin, and cannot be
// one person, is left apart (its edges dropped) and reported.
void EntityResolution::DropAmbiguous(std::vector<Edge>* edges) {
  std::vector<std::vector<const Edge*>> by_profile(profiles_.size());
  for (const Edge& e : *edges) {
    by_profile[e.a].push_back(&e);
    by_profile[e.b].push_back(&e);
  }
  std::vector<bool> ambiguous(profiles_.size(), false);
  for (int p = 0; p < static_cast<int>(profiles_.size()); ++p) {
    const auto& mine = by_profile[p];  // sorted by score, best first
    if (mine.size() < 2 || !profiles_[p].kb_id.empty()) continue;
    const Edge& e1 = *mine[0];
    const int c1 = Find(e1.a == p ? e1.b : e1.a);
    for (size_t k = 1; k < mine.size(); ++k) {
      const Edge& e2 = *mine[k];
      if (e1.score - e2.score >= options_.ambiguity_margin) break;
      const int c2 = Find(e2.a == p ? e2.b : e2.a);
      if (c1 == c2 || CanJoin(c1, c2)) {
        // Candidates that could be one person: only ambiguous when both are
        // already distinct people with names in the same script as each other.
        bool linked = false;
        for (const Edge* e : by_profile[e1.a == p ? e1.b : e1.a]) {
          const int other = e->a == (e1.a == p ? e1.b : e1.a) ? e->b : e->a;
          if (Find(other) == c2) linked = true;
        }
        if (c1 == c2 || linked) continue;
      }
      ambiguous[p] = true;
      store::ResolutionNote note;
      note.kind = "ambiguous";
      note.name = MostFrequent(profiles_[p].names);
      note.score = e1.score;
      note.reason = "two candidates within " + std::to_string(options_.ambiguity_margin).substr(0, 4) +
                    " (" + e1.reason + ")";
      note.entities = {c1, c2};
      pending_notes_.emplace_back(p, std::move(note));
      break;
    }
  }
  std::erase_if(*edges, [&](const Edge& e) { return ambiguous[e.a] || ambiguous[e.b]; });
}

void EntityResolution::Cluster() {
  const int n = static_cast<int>(profiles_.size());
  parent_.resize(n);
  std::iota(parent_.begin(), parent_.end(), 0);
  root_orgs_.assign(n, {});
  root_kb_.assign(n, "");
  for (int i = 0; i < n; ++i) {
    Profile& p = profiles_[i];
    SortUnique(&p.docs);
    SortUnique(&p.together);
    for (const auto& [org, count] : p.orgs) root_orgs_[i].push_back(org);
    root_kb_[i] = p.kb_id;
  }
  GroupSameNames();
  std::vector<Edge> edges = CrossNameEdges();
  DropAmbiguous(&edges);
  for (const Edge& e : edges) {
    const int ra = Find(e.a), rb = Find(e.b);
    if (ra == rb || !CanJoin(ra, rb)) continue;
    const bool cross_script = HasHangul(MostFrequent(profiles_[e.a].names)) !=
                              HasHangul(MostFrequent(profiles_[e.b].names));
    Join(ra, rb);
    store::ResolutionNote note;
    note.kind = "merge";
    note.name = MostFrequent(profiles_[e.a].names) + " = " + MostFrequent(profiles_[e.b].names);
    note.score = e.score;
    note.reason = (cross_script ? "across scripts: " : "") + e.reason;
    pending_notes_.emplace_back(e.a, std::move(note));
  }
  BuildEntities();
}

void EntityResolution::AddOrgEntities() {
  // One organisation entity per employer key.
  std::map<std::string, int> counts;
  for (const Profile& p : profiles_) {
    for (const auto& [org, count] : p.orgs) counts[org] += count;
  }
  for (const auto& [key, count] : counts) {
    store::GraphEntity e;
    e.type = "ORG";
    e.key = "org:" + key;
    const std::string& display = org_display_[key];
    e.name = display;
    if (key.rfind("kb:", 0) == 0) {
      if (const extract::KbEntry* kb = kb_.Find(std::string_view(key).substr(3))) {
        e.kb_id = kb->id;
        e.name_en = kb->name_en;
        e.name_ko = kb->name_ko;
        e.name = !kb->name_en.empty() ? kb->name_en : kb->name_ko;
      }
    } else if (HasHangul(display)) {
      e.name_ko = display;
    } else {
      e.name_en = display;
    }
    e.aliases = {e.name};
    if (!e.name_en.empty()) e.aliases.push_back(e.name_en);
    if (!e.name_ko.empty()) e.aliases.push_back(e.name_ko);
    SortUnique(&e.aliases);
    entities_.push_back(std::move(e));
  }
}

void EntityResolution::BuildEntities() {
  const int n = static_cast<int>(profiles_.size());
  std::map<int, std::vector<int>> members;  // root -> profiles
  for (int i = 0; i < n; ++i) members[Find(i)].push_back(i);
  std::vector<int> entity_of_root(n, -1);
  entity_of_.assign(n, -1);
  for (const auto& [root, list] : members) {
    std::map<std::string, int> names, titles, orgs;
    std::set<int64_t> docs;
    std::string kb_id, name_en, name_ko;
    for (int m : list) {
      const Profile& p = profiles_[m];
      for (const auto& [k, c] : p.names) names[k] += c;
      for (const auto& [k, c] : p.titles) titles[k] += c;
      for (const auto& [k, c] : p.orgs) orgs[k] += c;
      docs.insert(p.docs.begin(), p.docs.end());
      if (kb_id.empty()) kb_id = p.kb_id;
      if (name_en.empty()) name_en = p.name_en;
      if (name_ko.empty()) name_ko = p.name_ko;
    }
    store::GraphEntity e;
    e.type = "PERSON";
    e.kb_id = kb_id;
    if (name_en.empty()) name_en = MostFrequent(names, IsLatinName);
    if (name_ko.empty()) name_ko = MostFrequent(names, HasHangul);
    e.name_en = name_en;
    e.name_ko = name_ko;
    e.name = !name_en.empty() ? name_en : !name_ko.empty() ? name_ko : MostFrequent(names);
    if (e.name_en.empty() && !e.name_ko.empty()) e.name_en = matcher_.Romanize(e.name_ko);
    e.title = MostFrequent(titles);
    const std::string org_key = MostFrequent(orgs);
    e.org = org_key.empty() ? "" : org_display_[org_key];
    if (org_key.rfind("kb:", 0) == 0) {
      if (const extract::KbEntry* kb = kb_.Find(std::string_view(org_key).substr(3))) {
        e.org = !kb->name_en.empty() ? kb->name_en : kb->name_ko;
      }
    }
    for (const auto& [k, c] : names) e.aliases.push_back(k);
    if (!e.name_en.empty()) e.aliases.push_back(e.name_en);
    if (!e.name_ko.empty()) e.aliases.push_back(e.name_ko);
    SortUnique(&e.aliases);
    e.docs = static_cast<int64_t>(docs.size());
    e.key = !kb_id.empty() ? "kb:" + kb_id : "name:" + NormalizeName(e.name);
    entity_of_root[root] = static_cast<int>(entities_.size());
    entities_.push_back(std::move(e));
  }
  for (int i = 0; i < n; ++i) entity_of_[i] = entity_of_root[Find(i)];
  AddOrgEntities();
  // Two people of one name kept apart get keys told apart by employer (and,
  // failing that, by their order, which follows the sorted records).
  std::map<std::string, std::vector<int>> by_key;
  for (int i = 0; i < static_cast<int>(entities_.size()); ++i) by_key[entities_[i].key].push_back(i);
  for (auto& [key, list] : by_key) {
    if (list.size() < 2) continue;
    for (size_t k = 0; k < list.size(); ++k) {
      store::GraphEntity& e = entities_[list[k]];
      e.key += "|" + (e.org.empty() ? std::string("?") : NormalizeName(e.org)) + "|" + std::to_string(k);
    }
  }
  for (auto& [profile, note] : pending_notes_) {
    if (note.kind == "ambiguous") {
      for (int64_t& c : note.entities) c = entity_of_[Find(static_cast<int>(c))];
      note.entities.insert(note.entities.begin(), entity_of_[profile]);
    } else {
      note.entities = {entity_of_[profile]};
    }
    notes_.push_back(std::move(note));
  }
}

}  // namespace tg::resolve
