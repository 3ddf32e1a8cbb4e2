#pragma once
// Blocking keys of a name (internal to src/resolve; the public entry is
// NameMatcher::BlockingKeys): consonant-class skeletons that survive the
// differences the matcher forgives (vowels, h, a dropped r, ㅡ, spacing, token
// order, f/p/b/v, g/k, d/t, s/z/j/ch, l/r, n/ng). Pure; thread-safe.
#include <string>
#include <string_view>
#include <vector>

#include "resolve/name_tables.h"

namespace tg::resolve::names {

// Keys, sorted and unique: "p:" + up to three classes read from each token's
// start (through the following tokens, and the token alone); for Korean
// personal names (Hangul, or Latin with a surname spelling first or last)
// "k:" + surname group + the given name's classes instead; for all persons
// the whole name's longer reading ("pk:"/"pl:" + four classes, see LongKeys
// in the .cc); for organisations with translated words "c:" + their meanings +
// the rest's classes; "x:" + the folded text for names without usable sounds.
std::vector<std::string> BlockingKeysOf(std::string_view name, bool org, bool other_script,
                                        const NameTables& tables);

}  // namespace tg::resolve::names
