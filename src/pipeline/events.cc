#include "pipeline/events.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace tg::pipeline {
namespace {

using extract::DocEntity;

bool ValidIndex(const extract::DocumentEntities& entities, int index) {
  return index >= 0 && static_cast<size_t>(index) < entities.entities.size();
}

store::EventPerson Person(const DocEntity& e) {
  store::EventPerson p;
  p.name = e.name;
  p.kb_id = e.kb_id;
  p.type = std::string(extract::EntityTypeName(e.type));
  p.name_en = e.name_en;
  p.name_ko = e.name_ko;
  p.title = e.title;
  p.org = e.org;
  return p;
}

std::vector<store::EventPerson> People(const extract::DocumentEntities& entities,
                                       const std::vector<int>& indexes) {
  std::vector<store::EventPerson> out;
  out.reserve(indexes.size());
  for (int i : indexes) {
    if (ValidIndex(entities, i)) out.push_back(Person(entities.entities[static_cast<size_t>(i)]));
  }
  return out;
}

// Clamps [*begin, *end) into a text of `size` bytes.
void ClampSpan(size_t size, uint32_t* begin, uint32_t* end) {
  const auto limit = static_cast<uint32_t>(std::min<size_t>(size, UINT32_MAX));
  *end = std::min(*end, limit);
  *begin = std::min(*begin, *end);
}

double RoundConfidence(float confidence) {
  const double clamped = std::clamp(static_cast<double>(confidence), 0.0, 1.0);
  return std::round(clamped * 1000.0) / 1000.0;
}

}  // namespace

DocumentExtraction ExtractDocument(const extract::EntityExtractor& extractor, std::string_view text,
                                   const DocumentMeta& meta) {
  DocumentExtraction out;
  const extract::CivilDate published = extract::ParseCivilDate(meta.published);
  out.entities = extractor.Extract(text, meta.lang, published);
  out.events = extract::ExtractEvents(text, out.entities, meta.lang, published, extractor.kb());
  return out;
}

store::StoredEvents ToStoredEvents(std::string_view text, const extract::DocumentEntities& entities,
                                   const extract::DocumentEvents& events) {
  store::StoredEvents out;
  out.meetings.reserve(events.meetings.size());
  for (const extract::Meeting& m : events.meetings) {
    store::StoredMeeting s;
    s.participants = People(entities, m.participants);
    s.date = m.date;
    s.date_hint = m.date_hint;
    s.place = {m.place, m.place_kb_id};
    s.status = std::string(extract::EventStatusName(m.status));
    s.topics = m.topics;
    s.evidence_begin = m.evidence_begin;
    s.evidence_end = m.evidence_end;
    ClampSpan(text.size(), &s.evidence_begin, &s.evidence_end);
    s.confidence = RoundConfidence(m.confidence);
    out.meetings.push_back(std::move(s));
  }
  out.trips.reserve(events.trips.size());
  for (const extract::Trip& t : events.trips) {
    // A trip without a traveler says nothing; the extractor never makes one.
    if (!ValidIndex(entities, t.traveler)) continue;
    store::StoredTrip s;
    s.traveler = Person(entities.entities[static_cast<size_t>(t.traveler)]);
    for (size_t i = 0; i < t.destinations.size(); ++i) {
      s.destinations.push_back({t.destinations[i], i < t.destination_kb_ids.size()
                                                       ? t.destination_kb_ids[i]
                                                       : std::string()});
    }
    s.start = t.start;
    s.end = t.end;
    s.companions = People(entities, t.companions);
    s.status = std::string(extract::EventStatusName(t.status));
    s.evidence_begin = t.evidence_begin;
    s.evidence_end = t.evidence_end;
    ClampSpan(text.size(), &s.evidence_begin, &s.evidence_end);
    s.confidence = RoundConfidence(t.confidence);
    out.trips.push_back(std::move(s));
  }
  store::FillEvidence(text, &out);
  return out;
}

}  // namespace tg::pipeline
