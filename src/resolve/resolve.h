#pragma once
// Cross-document resolution: turns every document's extraction (people and
// places by name, meetings and trips per page) into one graph of canonical
// entities and merged events (store/graph.h).
//
//  - People: one entity per knowledge-base id; other names grouped by their
//    normalised form and split when the same name comes with organisations
//    that cannot be one employer; then names in different spellings or
//    scripts (이재용 / Lee Jae-yong, 빅터 램 / Victor Lam) joined when the
//    NameMatcher (names.h) scores them above its threshold and their
//    organisations agree. A name with two equally good candidates that cannot
//    be one person is left apart and reported, never guessed.
//  - Organisations: the employers people are given, one entity per KB id or
//    normalised name, joined across scripts the same way.
//  - Events: meetings from different documents sharing two participants with
//    compatible dates (a day inside a month hint; an undated report inside a
//    window around its publication) become one event, with the best-supported
//    date and place and the status of the latest report. Trips likewise by
//    traveller.
//
// Deterministic: the same set of records, in any order, gives the same graph,
// so resolving after each batch of new documents equals resolving once over
// all of them. A Resolver is immutable after Load; Resolve may run on many
// threads at once.
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/graph.h"

namespace tg::resolve {

struct ResolveOptions {
  // Two candidates closer than this in score that cannot be one person make a
  // name ambiguous: it stays apart and is reported.
  double ambiguity_margin = 0.05;
  // An undated report of an occurred meeting stands for the days
  // [published - window, published]; of a planned one, [published, published + planned_window].
  int undated_window_days = 10;
  int planned_window_days = 60;
};

class NameMatcher;

class Resolver {
 public:
  // Loads the name matcher's tables and the knowledge base from `data_dir`
  // (the project's data/ folder; empty: the bundled one, as the extractor
  // finds it). Fails when either is missing or corrupt.
  static Result<Resolver> Load(const std::string& data_dir, ResolveOptions options = {});

  // The graph of `records` (every extracted document; duplicates ride along
  // with their leader). Entity and event ids are dense, assigned in the order
  // of their stable keys.
  store::Graph Resolve(const std::vector<store::ExtractionRecord>& records) const;

  ~Resolver();
  Resolver(Resolver&&) noexcept;
  Resolver& operator=(Resolver&&) noexcept;

 private:
  struct Impl;
  explicit Resolver(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace tg::resolve
