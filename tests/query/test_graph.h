#pragma once
// A small hand-built resolved graph of fictional people and companies, with
// the shapes the query tests need: two people sharing a surname (Han), two
// sharing a full name (Kim Do-yun), three equal-length chains between Han
// Seo-jun and Oren Belsky, an undated meeting, a denied one, a trip, and an
// org name that needs escaping in every export format.
//
// People (id): 1 Han Seo-jun 한서준 (Chairman, Daeyang Group), 2 Han Ji-woo
// 한지우 (CEO, Daeyang Electronics), 3 Marta Quillon 마르타 퀼론 (CEO, Veltrix
// Systems), 4 Oren Belsky (President, Norvane Capital), 5 Park Min-ho 박민호
// (Vice Chairman, Daeyang Group), 6 Lena Strauss (Minister; org
// "O'Hare, Quist & Co. <Berlin>"), 7 Kim Do-yun 김도윤 (CEO, Hanul Bio), 8 Kim
// Do-yun 김도윤 (Professor, Seorin University; no meetings).
// Orgs: 9 Daeyang Group 대양그룹, 10 Veltrix Systems.
//
// Events: 1 meeting 1-3 2024-03-05 Seoul occurred {AI chips, HBM} (2 reports);
// 2 meeting 1-3 2024-06-10 San Jose planned {foundry}; 3 meeting 3-4 2024-04
// (hint) occurred {AI chips}; 4 meeting 2-4 2024-05-02 occurred {EV
// batteries}; 5 meeting 1-5 2023-11-20 occurred {robotics}; 6 meeting 4-6
// undated, reported 2024-02-01, occurred; 7 meeting 5-6 2024-07-01 denied;
// 8 trip of 1 with 5 to Washington 2024-09-01..03 occurred; 9 meeting 7-2
// 2024-08-15 occurred {biotech}; 10 meeting 1-2-6 2024-10-01 Berlin occurred {trade}.
#include <memory>
#include <string>
#include <vector>

#include "query/graph_index.h"
#include "store/graph.h"

namespace tg::query::testing {

inline store::GraphEntity Person(int64_t id, std::string en, std::string ko, std::string title,
                                 std::string org, int64_t docs) {
  store::GraphEntity e;
  e.id = id;
  e.key = "test:" + std::to_string(id);
  e.type = "PERSON";
  e.name = en;
  e.name_en = en;
  e.name_ko = ko;
  e.title = std::move(title);
  e.org = std::move(org);
  e.aliases = {en};
  if (!ko.empty()) e.aliases.push_back(ko);
  e.docs = docs;
  return e;
}

inline store::GraphEntity Org(int64_t id, std::string en, std::string ko) {
  store::GraphEntity e = Person(id, std::move(en), std::move(ko), "", "", 1);
  e.type = "ORG";
  return e;
}

inline store::GraphEvent Meeting(int64_t id, std::vector<int64_t> who, std::string date,
                                 std::string status, std::vector<std::string> topics,
                                 std::string place = "") {
  store::GraphEvent ev;
  ev.id = id;
  ev.kind = "meeting";
  ev.participants = std::move(who);
  if (date.size() == 10) {
    ev.date = date;
  } else {
    ev.date_hint = date;
  }
  ev.status = status;
  ev.topics = std::move(topics);
  ev.place = std::move(place);
  ev.confidence = 0.8;
  store::EventSource s;
  s.doc_id = id * 10;
  s.doc = "doc-" + std::to_string(id);
  s.published = date.empty() ? "2024-02-01" : date.size() == 10 ? date : date + "-28";
  s.status = status;
  s.evidence = "Meeting number " + std::to_string(id) + " took place, the report said.";
  ev.sources = {s};
  ev.docs = {s.doc};
  return ev;
}

inline store::Graph MakeTestGraph() {
  store::Graph g;
  g.entities = {
      Person(1, "Han Seo-jun", "한서준", "Chairman", "Daeyang Group", 12),
      Person(2, "Han Ji-woo", "한지우", "대표", "Daeyang Electronics", 7),
      Person(3, "Marta Quillon", "마르타 퀼론", "CEO", "Veltrix Systems", 9),
      Person(4, "Oren Belsky", "", "President", "Norvane Capital", 4),
      Person(5, "Park Min-ho", "박민호", "Vice Chairman", "Daeyang Group", 3),
      Person(6, "Lena Strauss", "", "Minister", "O'Hare, Quist & Co. <Berlin>", 5),
      Person(7, "Kim Do-yun", "김도윤", "CEO", "Hanul Bio", 6),
      Person(8, "Kim Do-yun", "김도윤", "Professor", "Seorin University", 2),
      Org(9, "Daeyang Group", "대양그룹"),
      Org(10, "Veltrix Systems", ""),
  };
  g.events = {
      Meeting(1, {1, 3}, "2024-03-05", "occurred", {"AI chips", "HBM"}, "Seoul"),
      Meeting(2, {1, 3}, "2024-06-10", "planned", {"foundry"}, "San Jose"),
      Meeting(3, {3, 4}, "2024-04", "occurred", {"AI chips"}),
      Meeting(4, {2, 4}, "2024-05-02", "occurred", {"EV batteries"}),
      Meeting(5, {1, 5}, "2023-11-20", "occurred", {"robotics"}),
      Meeting(6, {4, 6}, "", "occurred", {}),
      Meeting(7, {5, 6}, "2024-07-01", "denied", {}),
      Meeting(8, {1, 5}, "2024-09-01", "occurred", {}),
      Meeting(9, {2, 7}, "2024-08-15", "occurred", {"biotech"}),
      Meeting(10, {1, 2, 6}, "2024-10-01", "occurred", {"trade"}, "Berlin"),
  };
  // Event 1 has a second report; event 8 is a trip.
  store::EventSource second = g.events[0].sources[0];
  second.doc_id = 11;
  second.doc = "doc-1b";
  second.published = "2024-03-06";
  second.evidence = "한서준 회장은 마르타 퀼론 대표와 서울에서 만났다.";
  g.events[0].sources.push_back(second);
  g.events[0].docs.push_back("doc-1b");
  store::GraphEvent& trip = g.events[7];
  trip.kind = "trip";
  trip.traveler = 1;
  trip.end = "2024-09-03";
  trip.destinations = {"Washington"};
  return g;
}

// The index of MakeTestGraph(); the graph is valid, so building cannot fail.
inline std::shared_ptr<const GraphIndex> BuildTestIndex() {
  auto index = GraphIndex::Build(MakeTestGraph());
  TG_CHECK(index.has_value());
  return *index;
}

}  // namespace tg::query::testing
