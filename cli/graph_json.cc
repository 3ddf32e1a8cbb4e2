#include "cli/graph_json.h"

#include <algorithm>
#include <set>

namespace tg::cli {
namespace {

nlohmann::json OrNull(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }

std::string NameOf(int64_t id, const EntityIndex& entities) {
  auto it = entities.find(id);
  return it != entities.end() ? it->second->name : "#" + std::to_string(id);
}

}  // namespace

EntityIndex IndexEntities(const store::Graph& graph) {
  EntityIndex index;
  for (const store::GraphEntity& e : graph.entities) index[e.id] = &e;
  return index;
}

nlohmann::json EventToJson(const store::GraphEvent& ev, const EntityIndex& entities) {
  nlohmann::json participants = nlohmann::json::array();
  for (int64_t p : ev.participants) participants.push_back(NameOf(p, entities));
  nlohmann::json evidence = nlohmann::json::array();
  for (const store::EventSource& s : ev.sources) {
    evidence.push_back({{"doc", s.doc},
                        {"text", s.evidence},
                        {"published", OrNull(s.published)},
                        {"status", s.status},
                        {"date", OrNull(s.date)},
                        {"date_hint", OrNull(s.date_hint)}});
  }
  nlohmann::json out = {{"id", ev.id},
                        {"kind", ev.kind},
                        {"participants", participants},
                        {"date", OrNull(ev.date)},
                        {"date_hint", OrNull(ev.date_hint)},
                        {"place", OrNull(ev.place)},
                        {"status", ev.status},
                        {"topics", ev.topics},
                        {"docs", ev.docs},
                        {"evidence", evidence},
                        {"confidence", ev.confidence}};
  if (ev.kind == "trip") {
    out["traveler"] = NameOf(ev.traveler, entities);
    out["destinations"] = ev.destinations;
    out["end"] = OrNull(ev.end);
  }
  return out;
}

std::vector<nlohmann::json> PairEventsToJson(const store::GraphEvent& ev, const EntityIndex& entities) {
  std::vector<nlohmann::json> out;
  if (ev.kind == "trip" || ev.participants.size() <= 2) {
    nlohmann::json one = EventToJson(ev, entities);
    one["id"] = std::to_string(ev.id);
    one["event"] = ev.id;
    one["with"] = nlohmann::json::array();
    if (ev.kind == "trip") {
      // Travelling together is not a meeting: the pair list holds the traveller only.
      nlohmann::json companions = nlohmann::json::array();
      for (int64_t p : ev.participants) {
        if (p != ev.traveler) companions.push_back(NameOf(p, entities));
      }
      one["participants"] = nlohmann::json::array({NameOf(ev.traveler, entities)});
      one["companions"] = companions;
    }
    out.push_back(std::move(one));
    return out;
  }
  int k = 0;
  for (size_t i = 0; i < ev.participants.size(); ++i) {
    for (size_t j = i + 1; j < ev.participants.size(); ++j) {
      const int64_t a = ev.participants[i], b = ev.participants[j];
      std::set<std::string> docs;
      nlohmann::json evidence = nlohmann::json::array();
      for (const store::EventSource& s : ev.sources) {
        const auto& named = s.participants;
        if (std::find(named.begin(), named.end(), a) == named.end() ||
            std::find(named.begin(), named.end(), b) == named.end()) {
          continue;
        }
        docs.insert(s.doc);
        docs.insert(s.copies.begin(), s.copies.end());
        evidence.push_back({{"doc", s.doc}, {"text", s.evidence}, {"published", OrNull(s.published)},
                            {"status", s.status}, {"date", OrNull(s.date)},
                            {"date_hint", OrNull(s.date_hint)}});
      }
      if (docs.empty()) continue;  // never named together by one report
      nlohmann::json with = nlohmann::json::array();
      for (int64_t p : ev.participants) {
        if (p != a && p != b) with.push_back(NameOf(p, entities));
      }
      nlohmann::json rec = EventToJson(ev, entities);
      rec["id"] = std::to_string(ev.id) + "." + std::to_string(++k);
      rec["event"] = ev.id;
      rec["participants"] = {NameOf(a, entities), NameOf(b, entities)};
      rec["with"] = with;
      rec["docs"] = docs;
      rec["evidence"] = evidence;
      out.push_back(std::move(rec));
    }
  }
  return out;
}

nlohmann::json EntityToJson(const store::GraphEntity& e) {
  return {{"id", e.id},       {"type", e.type},       {"name", e.name},
          {"name_en", OrNull(e.name_en)}, {"name_ko", OrNull(e.name_ko)}, {"aliases", e.aliases},
          {"kb_id", OrNull(e.kb_id)},     {"title", OrNull(e.title)},     {"org", OrNull(e.org)},
          {"docs", e.docs},   {"events", e.events}};
}

nlohmann::json NoteToJson(const store::ResolutionNote& n, const EntityIndex& entities) {
  nlohmann::json names = nlohmann::json::array();
  for (int64_t id : n.entities) names.push_back(NameOf(id, entities));
  return {{"kind", n.kind}, {"name", n.name}, {"entities", names}, {"score", n.score},
          {"reason", n.reason}};
}

}  // namespace tg::cli
