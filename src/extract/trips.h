#pragma once
// Trips of one document (see events.h for the contract): who travelled where,
// when and with whom. One frame per travel word ("flew to", "left Seoul for",
// "arrived in", "returned on", "visit to", 출국, 귀국, 방문, 방한, 출장, 찾아),
// its traveller from the clause's subject (the discourse topic when a Korean
// clause leaves it out), destinations from the places the word points at
// (not the origin, not places used as modifiers, most specific kept), dates
// from departure, return and duration words, status from plan and denial
// words (trip_frames.h). Frames of one journey are merged across the
// document; a word without a place only adds dates or companions to a trip
// found elsewhere, and the cities of the traveller's meetings on a trip's
// known days are its stops too; people who went along get the same trip.
// Internal to the event extractor. Pure function; thread-safe.
#include <vector>

#include "extract/event_doc.h"
#include "extract/events.h"

namespace tg::extract {

std::vector<Trip> FindTrips(const EventDoc& doc);

}  // namespace tg::extract
