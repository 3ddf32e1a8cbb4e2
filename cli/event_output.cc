#include "cli/event_output.h"

#include <iostream>
#include <string>

#include <fmt/format.h>

#include "cli/common.h"

namespace tg::cli {
namespace {

nlohmann::json OrNull(const std::string& value) {
  return value.empty() ? nlohmann::json(nullptr) : nlohmann::json(value);
}

nlohmann::json Names(const std::vector<store::EventPerson>& people) {
  nlohmann::json out = nlohmann::json::array();
  for (const store::EventPerson& p : people) out.push_back(p.name);
  return out;
}

std::string Join(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const std::string& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

std::string JoinNames(const std::vector<store::EventPerson>& people, const char* separator) {
  std::vector<std::string> names;
  for (const store::EventPerson& p : people) names.push_back(p.name);
  return Join(names, separator);
}

bool ListedEntity(extract::EntityType type) {
  return type == extract::EntityType::kPerson || type == extract::EntityType::kOrg ||
         type == extract::EntityType::kPlace;
}

// The evidence sentence under its event line, on one line.
void PrintEvidence(const std::string& evidence) {
  if (evidence.empty()) return;
  std::string flat = evidence;
  for (char& c : flat) {
    if (c == '\n' || c == '\t') c = ' ';
  }
  std::cout << "      \"" << flat << "\"\n";
}

std::string TripDates(const store::StoredTrip& t) {
  if (!t.start.empty() && !t.end.empty()) return t.start + ".." + t.end;
  if (!t.start.empty()) return "from " + t.start;
  if (!t.end.empty()) return "until " + t.end;
  return "-";
}

}  // namespace

nlohmann::json MeetingsJson(const store::StoredEvents& events) {
  nlohmann::json out = nlohmann::json::array();
  for (const store::StoredMeeting& m : events.meetings) {
    out.push_back({{"participants", Names(m.participants)},
                   {"date", OrNull(m.date)},
                   {"date_hint", OrNull(m.date_hint)},
                   {"place", OrNull(m.place.name)},
                   {"status", m.status},
                   {"topics", m.topics},
                   {"evidence", OrNull(m.evidence)},
                   {"confidence", m.confidence}});
  }
  return out;
}

nlohmann::json TripsJson(const store::StoredEvents& events) {
  nlohmann::json out = nlohmann::json::array();
  for (const store::StoredTrip& t : events.trips) {
    nlohmann::json destinations = nlohmann::json::array();
    for (const store::EventPlace& place : t.destinations) destinations.push_back(place.name);
    out.push_back({{"traveler", OrNull(t.traveler.name)},
                   {"destinations", destinations},
                   {"start", OrNull(t.start)},
                   {"end", OrNull(t.end)},
                   {"companions", Names(t.companions)},
                   {"status", t.status},
                   {"evidence", OrNull(t.evidence)},
                   {"confidence", t.confidence}});
  }
  return out;
}

nlohmann::json EntitiesJson(const std::vector<extract::DocEntity>& entities) {
  nlohmann::json out = nlohmann::json::array();
  for (const extract::DocEntity& e : entities) {
    if (!ListedEntity(e.type)) continue;
    out.push_back({{"type", extract::EntityTypeName(e.type)},
                   {"name", e.name},
                   {"kb_id", OrNull(e.kb_id)},
                   {"name_en", OrNull(e.name_en)},
                   {"name_ko", OrNull(e.name_ko)},
                   {"title", OrNull(e.title)},
                   {"org", OrNull(e.org)}});
  }
  return out;
}

void PrintEventsText(const store::StoredEvents& events) {
  if (events.meetings.empty() && events.trips.empty()) {
    std::cout << "  no meetings or trips found\n";
    return;
  }
  if (!events.meetings.empty()) {
    std::cout << fmt::format("meetings ({})\n", events.meetings.size());
    std::vector<std::vector<std::string>> rows;
    for (const store::StoredMeeting& m : events.meetings) {
      const std::string& when = !m.date.empty() ? m.date : m.date_hint;
      rows.push_back({"", when.empty() ? "-" : when, JoinNames(m.participants, " + "),
                      m.place.name.empty() ? "-" : "@ " + m.place.name, "[" + m.status + "]",
                      Join(m.topics, ", ")});
    }
    const std::vector<std::string> lines = FormatTable(rows);
    for (size_t i = 0; i < lines.size(); ++i) {
      std::cout << lines[i] << '\n';
      PrintEvidence(events.meetings[i].evidence);
    }
  }
  if (!events.trips.empty()) {
    std::cout << fmt::format("trips ({})\n", events.trips.size());
    std::vector<std::vector<std::string>> rows;
    for (const store::StoredTrip& t : events.trips) {
      std::vector<std::string> stops;
      for (const store::EventPlace& place : t.destinations) stops.push_back(place.name);
      rows.push_back({"", TripDates(t), t.traveler.name,
                      stops.empty() ? "-" : "-> " + Join(stops, ", "),
                      t.companions.empty() ? "-" : "with " + JoinNames(t.companions, ", "),
                      "[" + t.status + "]"});
    }
    const std::vector<std::string> lines = FormatTable(rows);
    for (size_t i = 0; i < lines.size(); ++i) {
      std::cout << lines[i] << '\n';
      PrintEvidence(events.trips[i].evidence);
    }
  }
}

void PrintEntitiesText(const std::vector<extract::DocEntity>& entities) {
  std::vector<std::vector<std::string>> rows = {{"", "TYPE", "NAME", "TITLE / ORG", "KB"}};
  for (const extract::DocEntity& e : entities) {
    if (!ListedEntity(e.type)) continue;
    std::string role = e.title;
    if (!e.org.empty()) role += (role.empty() ? "" : ", ") + e.org;
    rows.push_back({"", std::string(extract::EntityTypeName(e.type)), FitWidth(e.name, 30),
                    FitWidth(role.empty() ? "-" : role, 40), e.kb_id.empty() ? "-" : e.kb_id});
  }
  if (rows.size() == 1) return;
  std::cout << "entities\n";
  PrintTable(rows);
}

}  // namespace tg::cli
