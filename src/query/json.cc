#include "query/json.h"

#include "core/utf8.h"
#include "query/query_internal.h"

namespace tg::query {
namespace {

using nlohmann::json;

json EventRefs(const GraphIndex& index, const std::vector<int64_t>& ids) {
  json out = json::array();
  for (int64_t id : ids) out.push_back(EventJsonById(index, id));
  return out;
}

json EntityRefs(const GraphIndex& index, const std::vector<int64_t>& ids) {
  json out = json::array();
  for (int64_t id : ids) out.push_back(EntityRefJson(index, id));
  return out;
}

}  // namespace

std::string DisplayName(const store::GraphEntity& e) {
  const bool korean_name = HasHangul(e.name);
  const std::string& other = korean_name ? e.name_en : e.name_ko;
  if (other.empty() || other == e.name) return e.name;
  return e.name + " (" + other + ")";
}

json EntityJson(const store::GraphEntity& e) {
  return json{{"id", e.id},           {"type", e.type},
              {"name", e.name},       {"name_en", e.name_en},
              {"name_ko", e.name_ko}, {"display", DisplayName(e)},
              {"title", e.title},     {"org", e.org},
              {"kb_id", e.kb_id},     {"key", e.key},
              {"aliases", e.aliases}, {"docs", e.docs},
              {"events", e.events}};
}

json EntityRefJson(const GraphIndex& index, int64_t id) {
  const store::GraphEntity* e = index.FindEntity(id);
  if (e == nullptr) return json{{"id", id}};
  return json{{"id", id}, {"type", e->type}, {"name", e->name}, {"display", DisplayName(*e)}};
}

json EventJson(const GraphIndex& index, const store::GraphEvent& ev) {
  json sources = json::array();
  for (const store::EventSource& s : ev.sources) {
    sources.push_back(json{{"doc_id", s.doc_id},
                           {"doc", s.doc},
                           {"published", s.published},
                           {"status", s.status},
                           {"date", s.date},
                           {"date_hint", s.date_hint},
                           {"evidence", s.evidence}});
  }
  json out{{"id", ev.id},
           {"kind", ev.kind},
           {"participants", EntityRefs(index, ev.participants)},
           {"date", ev.date},
           {"date_hint", ev.date_hint},
           {"status", ev.status},
           {"topics", ev.topics},
           {"confidence", ev.confidence},
           {"sources", std::move(sources)},
           {"docs", ev.docs}};
  if (ev.kind == "trip") {
    out["traveler"] = EntityRefJson(index, ev.traveler);
    out["end"] = ev.end;
    out["destinations"] = ev.destinations;
  } else {
    out["place"] = ev.place;
    out["place_kb_id"] = ev.place_kb_id;
  }
  return out;
}

json EventJsonById(const GraphIndex& index, int64_t id) {
  const store::GraphEvent* ev = index.FindEvent(id);
  return ev == nullptr ? json(nullptr) : EventJson(index, *ev);
}

json ResolutionJson(const GraphIndex& index, std::string_view name, const Resolution& r) {
  json out{{"name", name}};
  switch (r.status) {
    case ResolveStatus::kFound:
      out["status"] = "found";
      out["entity"] = EntityRefJson(index, r.entity);
      out["how"] = r.how;
      break;
    case ResolveStatus::kNotFound:
      out["status"] = "not_found";
      break;
    case ResolveStatus::kAmbiguous:
      out["status"] = "ambiguous";
      out["how"] = r.how;
      out["candidates"] = json::array();
      for (int64_t id : r.candidates) {
        const store::GraphEntity* e = index.FindEntity(id);
        json c = EntityRefJson(index, id);
        if (e != nullptr) {
          c["title"] = e->title;
          c["org"] = e->org;
          c["docs"] = e->docs;
        }
        out["candidates"].push_back(std::move(c));
      }
      break;
  }
  return out;
}

json CounterpartJson(const GraphIndex& index, const Counterpart& c) {
  return json{{"entity", EntityRefJson(index, c.entity)},
              {"meetings", c.events.size()},
              {"first_date", c.first_date},
              {"last_date", c.last_date},
              {"places", c.places},
              {"topics", c.topics},
              {"sources", c.sources},
              {"occurred", c.occurred},
              {"events", EventRefs(index, c.events)}};
}

json WhoMetJson(const GraphIndex& index, const WhoMetResult& r) {
  json list = json::array();
  for (const Counterpart& c : r.counterparts) list.push_back(CounterpartJson(index, c));
  return json{{"entity", EntityRefJson(index, r.entity)},
              {"meetings", r.meetings},
              {"counterparts", std::move(list)}};
}

json TimelineEntryJson(const GraphIndex& index, const TimelineEntry& entry) {
  return json{{"date", entry.date},
              {"undated", entry.undated},
              {"event", EventJsonById(index, entry.event)}};
}

json TimelineJson(const GraphIndex& index, const TimelineResult& r) {
  json list = json::array();
  for (const TimelineEntry& e : r.entries) list.push_back(TimelineEntryJson(index, e));
  return json{{"entity", EntityRefJson(index, r.entity)}, {"entries", std::move(list)}};
}

json PathJson(const GraphIndex& index, const PathResult& r) {
  json paths = json::array();
  for (const Path& p : r.paths) {
    json hops = json::array();
    for (const PathHop& h : p.hops) {
      hops.push_back(json{{"from", EntityRefJson(index, h.from)},
                          {"to", EntityRefJson(index, h.to)},
                          {"events", EventRefs(index, h.events)}});
    }
    paths.push_back(json{{"entities", EntityRefs(index, p.entities)}, {"hops", std::move(hops)}});
  }
  return json{{"from", EntityRefJson(index, r.from)},
              {"to", EntityRefJson(index, r.to)},
              {"hops", r.hops < 0 ? json(nullptr) : json(r.hops)},
              {"truncated", r.truncated},
              {"paths", std::move(paths)}};
}

json EgoJson(const GraphIndex& index, const EgoResult& r) {
  json nodes = json::array();
  for (const EgoNode& n : r.nodes) {
    json node = EntityRefJson(index, n.entity);
    node["depth"] = n.depth;
    nodes.push_back(std::move(node));
  }
  json edges = json::array();
  for (const EgoEdge& e : r.edges) {
    edges.push_back(json{{"a", e.a}, {"b", e.b}, {"weight", e.events.size()}, {"events", e.events}});
  }
  return json{{"center", EntityRefJson(index, r.center)},
              {"truncated", r.truncated},
              {"nodes", std::move(nodes)},
              {"edges", std::move(edges)}};
}

json RankedEntityJson(const GraphIndex& index, const RankedEntity& e) {
  return json{{"entity", EntityRefJson(index, e.entity)},
              {"score", e.score},
              {"degree", e.degree},
              {"meetings", e.meetings}};
}

json TopJson(const GraphIndex& index, const TopResult& r, Measure by) {
  json list = json::array();
  for (const RankedEntity& e : r.entries) list.push_back(RankedEntityJson(index, e));
  const char* measure = by == Measure::kDegree        ? "degree"
                        : by == Measure::kBetweenness ? "betweenness"
                                                      : "pagerank";
  return json{{"by", measure}, {"estimated", r.estimated}, {"entries", std::move(list)}};
}

json TopicCountJson(const GraphIndex& index, const TopicCount& t) {
  return json{{"topic", t.topic},           {"events", t.events},
              {"sources", t.sources},       {"first_date", t.first_date},
              {"last_date", t.last_date},   {"event_ids", t.event_ids}};
}

json TopicsJson(const GraphIndex& index, const TopicsResult& r) {
  json list = json::array();
  for (const TopicCount& t : r.topics) list.push_back(TopicCountJson(index, t));
  return json{{"events", r.events}, {"topics", std::move(list)}};
}

}  // namespace tg::query
