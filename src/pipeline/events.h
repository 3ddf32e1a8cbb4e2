#pragma once
// Extraction of one cleaned document, shared by the analyse and ingest paths:
// the entity layer, then meetings and trips on top of it (extract/), and the
// stored form of the result with every person and place written out by name
// (store/events.h). Because DocumentAnalyzer (analyze.h) and IngestPipeline
// (ingest.h) both go through here, `tiegraph extract` prints exactly what
// `tiegraph ingest` stores for the same page. Pure functions; thread-safe as
// the extractor is.
#include <string_view>

#include "core/document.h"
#include "extract/entities.h"
#include "extract/events.h"
#include "store/events.h"

namespace tg::pipeline {

struct DocumentExtraction {
  extract::DocumentEntities entities;
  extract::DocumentEvents events;
};

// Runs the entity layer and the event extractor over `text` (a document's
// clean text), with the language and publication date of `meta`.
DocumentExtraction ExtractDocument(const extract::EntityExtractor& extractor, std::string_view text,
                                   const DocumentMeta& meta);

// The stored form of `events`, found in `text` with `entities`. Each person
// index becomes that entity's name, knowledge-base id, forms, title and
// organisation. Guards against a faulty extractor rather than trusting it:
// indexes outside `entities` are dropped, evidence spans are clamped to the
// text. Confidences are rounded to three decimals, so they print the same
// from the extractor and from the store.
store::StoredEvents ToStoredEvents(std::string_view text, const extract::DocumentEntities& entities,
                                   const extract::DocumentEvents& events);

}  // namespace tg::pipeline
