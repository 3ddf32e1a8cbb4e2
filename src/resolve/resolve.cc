#include "resolve/resolve.h"

#include <algorithm>
#include <filesystem>
#include <numeric>
#include <set>
#include <tuple>
#include <utility>

#include "extract/kb.h"
#include "resolve/merge.h"
#include "resolve/names.h"
#include "resolve/profiles.h"

namespace tg::resolve {

struct Resolver::Impl {
  NameMatcher matcher;
  std::shared_ptr<const extract::KnowledgeBase> kb;
  ResolveOptions options;
};

Resolver::Resolver(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Resolver::~Resolver() = default;
Resolver::Resolver(Resolver&&) noexcept = default;
Resolver& Resolver::operator=(Resolver&&) noexcept = default;

Result<Resolver> Resolver::Load(const std::string& data_dir_in, ResolveOptions options) {
  const std::string data_dir =
      !data_dir_in.empty()
          ? data_dir_in
          : std::filesystem::path(extract::KnowledgeBase::DefaultDir()).parent_path().string();
  TG_ASSIGN_OR_RETURN(NameMatcher matcher, NameMatcher::Load(data_dir));
  TG_ASSIGN_OR_RETURN(std::shared_ptr<const extract::KnowledgeBase> kb,
                      extract::KnowledgeBase::Load(data_dir + "/kb"));
  auto impl = std::make_unique<Impl>(Impl{std::move(matcher), std::move(kb), options});
  return Resolver(std::move(impl));
}

namespace {

// People of a list as sorted unique entity indexes.
std::vector<int> Entities(const std::vector<int>& profiles, const EntityResolution& er) {
  std::vector<int> out;
  for (int p : profiles) out.push_back(er.EntityOf(p));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

store::Graph Resolver::Resolve(const std::vector<store::ExtractionRecord>& input) const {
  // A fixed order whatever order the records came in (or were stored in:
  // ingesting in two batches assigns other row ids than one batch would).
  std::vector<store::ExtractionRecord> records = input;
  std::sort(records.begin(), records.end(),
            [](const store::ExtractionRecord& a, const store::ExtractionRecord& b) {
              return std::tie(a.ext_id, a.published, a.doc_id) < std::tie(b.ext_id, b.published, b.doc_id);
            });
  EntityResolution er(impl_->matcher, *impl_->kb, impl_->options);
  struct Pending {
    EventMention mention;
    std::vector<int> profiles;
    int traveler = -1;
  };
  std::vector<Pending> pending;
  for (size_t r = 0; r < records.size(); ++r) {
    const store::ExtractionRecord& rec = records[r];
    for (size_t i = 0; i < rec.events.meetings.size(); ++i) {
      Pending p;
      p.mention.record = r;
      p.mention.index = i;
      for (const store::EventPerson& person : rec.events.meetings[i].participants) {
        if (person.type == "PERSON") p.profiles.push_back(er.AddPerson(person, rec.doc_id));
      }
      er.AddTogether(p.profiles);
      pending.push_back(std::move(p));
    }
    for (size_t i = 0; i < rec.events.trips.size(); ++i) {
      const store::StoredTrip& t = rec.events.trips[i];
      if (t.traveler.name.empty()) continue;
      Pending p;
      p.mention.record = r;
      p.mention.index = i;
      p.mention.trip = true;
      p.traveler = er.AddPerson(t.traveler, rec.doc_id);
      p.profiles.push_back(p.traveler);
      for (const store::EventPerson& c : t.companions) p.profiles.push_back(er.AddPerson(c, rec.doc_id));
      pending.push_back(std::move(p));
    }
  }
  er.Cluster();

  std::vector<EventMention> mentions;
  for (Pending& p : pending) {
    p.mention.people = Entities(p.profiles, er);
    if (p.mention.trip) {
      p.mention.traveler = er.EntityOf(p.traveler);
    } else if (p.mention.people.size() < 2) {
      continue;  // everyone resolved to one person: not a meeting between people
    }
    mentions.push_back(std::move(p.mention));
  }
  std::vector<store::GraphEvent> events = MergeEvents(records, mentions, impl_->options);

  // Ids: entities in key order, events in (date, kind, people, first report) order.
  std::vector<store::GraphEntity>& entities = er.entities();
  std::vector<int> order(entities.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](int a, int b) { return entities[a].key < entities[b].key; });
  std::vector<int64_t> id_of(entities.size());
  for (size_t i = 0; i < order.size(); ++i) id_of[order[i]] = static_cast<int64_t>(i + 1);

  store::Graph graph;
  for (store::GraphEvent& ev : events) {
    for (int64_t& p : ev.participants) p = id_of[p];
    std::sort(ev.participants.begin(), ev.participants.end());
    for (store::EventSource& s : ev.sources) {
      for (int64_t& p : s.participants) p = id_of[p];
      std::sort(s.participants.begin(), s.participants.end());
    }
    if (ev.kind == "trip") ev.traveler = id_of[ev.traveler];
  }
  auto when = [](const store::GraphEvent& e) { return !e.date.empty() ? e.date : e.date_hint; };
  std::sort(events.begin(), events.end(), [&](const store::GraphEvent& a, const store::GraphEvent& b) {
    return std::make_tuple(when(a), a.kind, a.participants, a.sources.front().doc) <
           std::make_tuple(when(b), b.kind, b.participants, b.sources.front().doc);
  });
  std::vector<int64_t> event_count(entities.size() + 1, 0);
  for (size_t i = 0; i < events.size(); ++i) {
    events[i].id = static_cast<int64_t>(i + 1);
    for (int64_t p : events[i].participants) ++event_count[p];
  }
  graph.entities.reserve(entities.size());
  for (int idx : order) {
    store::GraphEntity e = std::move(entities[idx]);
    e.id = id_of[idx];
    e.events = event_count[e.id];
    graph.entities.push_back(std::move(e));
  }
  graph.events = std::move(events);
  for (store::ResolutionNote& n : er.notes()) {
    for (int64_t& e : n.entities) e = id_of[e];
    graph.notes.push_back(std::move(n));
  }
  std::sort(graph.notes.begin(), graph.notes.end(),
            [](const store::ResolutionNote& a, const store::ResolutionNote& b) {
              return std::tie(a.kind, a.name, a.entities) < std::tie(b.kind, b.name, b.entities);
            });
  return graph;
}

}  // namespace tg::resolve
