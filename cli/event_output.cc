#include "cli/event_output.h"

#include <iostream>
#include <string>

#include <fmt/format.h>

#include "cli/common.h"
#include "core/utf8.h"

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

// A number as nlohmann writes it (shortest round-trip digits, "1.0" for one).
void AppendJsonNumber(double value, std::string* out) { *out += nlohmann::json(value).dump(); }

void AppendNames(const std::vector<store::EventPerson>& people, std::string* out) {
  *out += '[';
  for (size_t i = 0; i < people.size(); ++i) {
    if (i > 0) *out += ',';
    AppendJsonString(people[i].name, out);
  }
  *out += ']';
}

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  // Ill-formed UTF-8 is rare (stored text is repaired); nlohmann's own
  // replacement rules then apply.
  if (!IsValidUtf8(s)) {
    *out += nlohmann::json(std::string(s)).dump(-1, ' ', false,
                                                nlohmann::json::error_handler_t::replace);
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  out->reserve(out->size() + s.size() + 2);
  *out += '"';
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\b': *out += "\\b"; break;
      case '\f': *out += "\\f"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      default:
        *out += "\\u00";
        *out += kHex[c >> 4];
        *out += kHex[c & 0xF];
    }
  }
  out->append(s.data() + run, s.size() - run);
  *out += '"';
}

void AppendJsonStringOrNull(std::string_view s, std::string* out) {
  if (s.empty()) {
    *out += "null";
  } else {
    AppendJsonString(s, out);
  }
}

// Keys below are written in sorted order, as nlohmann's std::map-backed objects print them.
void AppendMeetingsJson(const store::StoredEvents& events, std::string* out) {
  *out += '[';
  for (size_t i = 0; i < events.meetings.size(); ++i) {
    const store::StoredMeeting& m = events.meetings[i];
    if (i > 0) *out += ',';
    *out += "{\"confidence\":";
    AppendJsonNumber(m.confidence, out);
    *out += ",\"date\":";
    AppendJsonStringOrNull(m.date, out);
    *out += ",\"date_hint\":";
    AppendJsonStringOrNull(m.date_hint, out);
    *out += ",\"evidence\":";
    AppendJsonStringOrNull(m.evidence, out);
    *out += ",\"participants\":";
    AppendNames(m.participants, out);
    *out += ",\"place\":";
    AppendJsonStringOrNull(m.place.name, out);
    *out += ",\"status\":";
    AppendJsonString(m.status, out);
    *out += ",\"topics\":";
    *out += '[';
    for (size_t k = 0; k < m.topics.size(); ++k) {
      if (k > 0) *out += ',';
      AppendJsonString(m.topics[k], out);
    }
    *out += "]}";
  }
  *out += ']';
}

void AppendTripsJson(const store::StoredEvents& events, std::string* out) {
  *out += '[';
  for (size_t i = 0; i < events.trips.size(); ++i) {
    const store::StoredTrip& t = events.trips[i];
    if (i > 0) *out += ',';
    *out += "{\"companions\":";
    AppendNames(t.companions, out);
    *out += ",\"confidence\":";
    AppendJsonNumber(t.confidence, out);
    *out += ",\"destinations\":";
    *out += '[';
    for (size_t k = 0; k < t.destinations.size(); ++k) {
      if (k > 0) *out += ',';
      AppendJsonString(t.destinations[k].name, out);
    }
    *out += ']';
    *out += ",\"end\":";
    AppendJsonStringOrNull(t.end, out);
    *out += ",\"evidence\":";
    AppendJsonStringOrNull(t.evidence, out);
    *out += ",\"start\":";
    AppendJsonStringOrNull(t.start, out);
    *out += ",\"status\":";
    AppendJsonString(t.status, out);
    *out += ",\"traveler\":";
    AppendJsonStringOrNull(t.traveler.name, out);
    *out += '}';
  }
  *out += ']';
}

void AppendEntitiesJson(const std::vector<extract::DocEntity>& entities, std::string* out) {
  *out += '[';
  bool first = true;
  for (const extract::DocEntity& e : entities) {
    if (!ListedEntity(e.type)) continue;
    if (!first) *out += ',';
    first = false;
    *out += "{\"kb_id\":";
    AppendJsonStringOrNull(e.kb_id, out);
    *out += ",\"name\":";
    AppendJsonString(e.name, out);
    *out += ",\"name_en\":";
    AppendJsonStringOrNull(e.name_en, out);
    *out += ",\"name_ko\":";
    AppendJsonStringOrNull(e.name_ko, out);
    *out += ",\"org\":";
    AppendJsonStringOrNull(e.org, out);
    *out += ",\"title\":";
    AppendJsonStringOrNull(e.title, out);
    *out += ",\"type\":";
    AppendJsonString(extract::EntityTypeName(e.type), out);
    *out += '}';
  }
  *out += ']';
}

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
